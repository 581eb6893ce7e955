// Row types of the identity tables (migration 0004_identity.sql).
import type { Generated } from "kysely";

export type TwoFactorMethod = "totp" | "email" | "sms";
export type UserStatus = "invited" | "active" | "deactivated";

export interface UsersTable {
  id: string;
  firm_id: string;
  email: string;
  name: Generated<string>;
  phone: Generated<string | null>;
  status: UserStatus;
  password_hash: Generated<string | null>;
  password_changed_at: Generated<Date | null>;
  twofa_method: Generated<TwoFactorMethod | null>;
  totp_secret: Generated<string | null>;
  totp_last_step: Generated<bigint | null>;
  twofa_enrolled_at: Generated<Date | null>;
  sso_subject: Generated<string | null>;
  last_sign_in_at: Generated<Date | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  deactivated_at: Generated<Date | null>;
}

export interface RecoveryCodesTable {
  user_id: string;
  firm_id: string;
  code_hash: string;
  used_at: Date | null;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  firm_id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  auth_method: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  stepped_up_until: Date | null;
  /** When the session last proved its second factor (sign-in with one, or verify-current). */
  factor_verified_at: Date | null;
  revoked_at: Date | null;
  user_agent: string | null;
  ip: string | null;
}

export type ChallengePurpose = "sign-in" | "enrol" | "verify-current" | "change";

export interface AuthChallengesTable {
  id: string;
  firm_id: string;
  user_id: string;
  token_hash: string | null;
  session_id: string | null;
  purpose: ChallengePurpose;
  first_factor: "password" | "sso" | "invitation" | "session";
  method: TwoFactorMethod | null;
  code_hash: string | null;
  code_expires_at: Date | null;
  pending_secret: string | null;
  pending_phone: string | null;
  attempts: Generated<number>;
  sends: Generated<number>;
  last_sent_at: Date | null;
  created_at: Date;
  expires_at: Date;
  consumed_at: Date | null;
}

export interface InvitationsTable {
  id: string;
  firm_id: string;
  user_id: string;
  token_hash: string;
  invited_by: string;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

export interface PasswordResetsTable {
  id: string;
  firm_id: string;
  user_id: string;
  token_hash: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface ApiTokensTable {
  id: string;
  firm_id: string;
  client_id: string | null;
  role: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_by: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

export interface AuthThrottlesTable {
  key: string;
  window_start: Date;
  count: number;
  failures: number;
  locked_until: Date | null;
}

export interface SsoConfigsTable {
  firm_id: string;
  issuer_url: string;
  client_id: string;
  client_secret: string | null;
  default_role: "partner_admin" | "partner_ops";
  default_client_access: "all" | "none";
  require_sso: boolean;
  idp_enforces_mfa: boolean;
  updated_by: string;
  updated_at: Date;
}

export interface SsoDomainsTable {
  domain: string;
  firm_id: string;
}

export interface SsoLoginsTable {
  id: string;
  firm_id: string;
  state_hash: string;
  nonce: string;
  code_verifier: string;
  created_at: Date;
  expires_at: Date;
  consumed_at: Date | null;
}

export interface IdentityTables {
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  auth_challenges: AuthChallengesTable;
  invitations: InvitationsTable;
  password_resets: PasswordResetsTable;
  api_tokens: ApiTokensTable;
  auth_throttles: AuthThrottlesTable;
  sso_configs: SsoConfigsTable;
  sso_domains: SsoDomainsTable;
  sso_logins: SsoLoginsTable;
}
