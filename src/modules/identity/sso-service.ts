// Single sign-on with OpenID Connect, one identity provider per firm: its settings (Partner
// Admins), routing by e-mail domain, and the authorization-code flow with PKCE, state and nonce.
// A first SSO sign-in links an existing account of the firm by its verified e-mail, or creates
// one with the firm's default role. Local 2FA follows unless the provider enforces MFA.
import * as oidc from "openid-client";
import type { Actor } from "../../platform/actor.ts";
import { systemActor } from "../../platform/actor.ts";
import { inTransaction, isUniqueViolation, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import {
  AppError,
  conflict,
  forbidden,
  notFound,
  ruleViolation,
  unavailable,
  validationError,
} from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { randomToken } from "../../platform/secrets.ts";
import * as access from "../access/index.ts";
import type { IdentityCtx, RequestMeta } from "./identity-ctx.ts";
import { addMinutes, emailDomain, normalizeEmail } from "./model.ts";
import * as sso from "./sso-store.ts";
import type { SsoConfig } from "./sso-store.ts";
import * as users from "./store.ts";
import type { User } from "./store.ts";
import { securityEvent } from "./security-audit.ts";
import { openSession, type OpenedSession } from "./session-service.ts";
import { refuseWhenBarred, secondStep, type SignInStep } from "./sign-in-service.ts";

export interface SsoSettingsInput {
  issuerUrl: string;
  clientId: string;
  clientSecret?: string | null | undefined;
  emailDomains: string[];
  defaultRole: "partner_admin" | "partner_ops";
  defaultClientAccess: "all" | "none";
  requireSso: boolean;
  idpEnforcesMfa: boolean;
}

export interface SsoSettingsView extends Omit<SsoSettingsInput, "clientSecret"> {
  hasClientSecret: boolean;
  callbackUrl: string;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

function checkIssuer(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw validationError("sso/invalid-issuer", "the issuer is the identity provider's https address", {
      field: "issuerUrl",
    });
  }
  // Plain http only for a provider on this machine (development and tests).
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) {
    throw validationError("sso/invalid-issuer", "the issuer must be an https address", {
      field: "issuerUrl",
    });
  }
  return url;
}

export function callbackUrl(ictx: IdentityCtx, firmSlug: string): string {
  return `${ictx.settings.baseUrl.replace(/\/+$/, "")}/api/auth/sso/${firmSlug}/callback`;
}

async function settingsView(
  ex: Executor,
  ictx: IdentityCtx,
  firmId: string,
  firmSlug: string,
  c: SsoConfig,
): Promise<SsoSettingsView> {
  return {
    issuerUrl: c.issuer_url,
    clientId: c.client_id,
    hasClientSecret: c.client_secret !== null,
    emailDomains: await sso.ssoDomains(ex, firmId),
    defaultRole: c.default_role,
    defaultClientAccess: c.default_client_access,
    requireSso: c.require_sso,
    idpEnforcesMfa: c.idp_enforces_mfa,
    callbackUrl: callbackUrl(ictx, firmSlug),
  };
}

export async function getSsoSettings(ictx: IdentityCtx, actor: Actor): Promise<SsoSettingsView | null> {
  access.requirePermission(actor, "firm.sso");
  const firm = await access.actorFirm(ictx.db, actor);
  const c = await sso.ssoConfig(ictx.db, actor.firmId);
  return c ? settingsView(ictx.db, ictx, actor.firmId, firm.slug, c) : null;
}

export async function saveSsoSettings(
  ictx: IdentityCtx,
  actor: Actor,
  input: SsoSettingsInput,
): Promise<SsoSettingsView> {
  access.requirePermission(actor, "firm.sso");
  const issuer = checkIssuer(input.issuerUrl);
  if (!input.clientId.trim())
    throw validationError("sso/invalid-client-id", "the client id is required", { field: "clientId" });
  const domains = [...new Set(input.emailDomains.map((d) => d.trim().toLowerCase().replace(/^@/, "")))];
  for (const d of domains)
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d))
      throw validationError("sso/invalid-domain", `"${d}" is not an e-mail domain`, {
        field: "emailDomains",
      });
  try {
    return await inTransaction(ictx.db, async (tx) => {
      const firm = await access.actorFirm(tx, actor);
      const before = await sso.ssoConfig(tx, actor.firmId);
      const secret =
        input.clientSecret === undefined
          ? (before?.client_secret ?? null)
          : input.clientSecret
            ? ictx.secrets.encrypt(input.clientSecret)
            : null;
      const config: SsoConfig = {
        firm_id: actor.firmId,
        issuer_url: issuer.toString().replace(/\/$/, ""),
        client_id: input.clientId.trim(),
        client_secret: secret,
        default_role: input.defaultRole,
        default_client_access: input.defaultClientAccess,
        require_sso: input.requireSso,
        idp_enforces_mfa: input.idpEnforcesMfa,
        updated_by: actor.id,
        updated_at: ictx.clock.now(),
      };
      await sso.saveSsoConfig(tx, config, domains);
      const view = await settingsView(tx, ictx, actor.firmId, firm.slug, config);
      await recordAudit(tx, actor, {
        action: "firm.sso.saved",
        subjectType: "firm",
        subjectId: actor.firmId,
        before: before ? { ...before, client_secret: undefined } : undefined,
        after: { ...view, callbackUrl: undefined },
      });
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(
        "sso/domain-taken",
        "one of these e-mail domains already signs in with another firm's provider",
        { field: "emailDomains" },
      );
    throw error;
  }
}

export async function deleteSsoSettings(ictx: IdentityCtx, actor: Actor): Promise<void> {
  access.requirePermission(actor, "firm.sso");
  await inTransaction(ictx.db, async (tx) => {
    if (!(await sso.deleteSsoConfig(tx, actor.firmId)))
      throw notFound("sso/not-configured", "single sign-on is not set up");
    await recordAudit(tx, actor, {
      action: "firm.sso.removed",
      subjectType: "firm",
      subjectId: actor.firmId,
    });
  });
}

/** Which firm's provider an address signs in with (the sign-in page asks as the address is typed). */
export async function discover(
  ictx: IdentityCtx,
  emailText: string,
): Promise<{ firm: string; startUrl: string; required: boolean } | null> {
  const email = normalizeEmail(emailText);
  const firmId = await sso.firmForDomain(ictx.db, emailDomain(email));
  if (!firmId) return null;
  const [firm, config] = await Promise.all([
    access.firmById(ictx.db, firmId),
    sso.ssoConfig(ictx.db, firmId),
  ]);
  if (!firm || !config) return null;
  return {
    firm: firm.slug,
    startUrl: `/api/auth/sso/${firm.slug}/start?email=${encodeURIComponent(email)}`,
    required: config.require_sso,
  };
}

const discovered = new Map<string, { at: number; config: oidc.Configuration }>();

async function providerConfig(ictx: IdentityCtx, c: SsoConfig): Promise<oidc.Configuration> {
  const key = `${c.issuer_url}|${c.client_id}|${c.client_secret ?? ""}`;
  const cached = discovered.get(key);
  if (cached && Date.now() - cached.at < 10 * 60_000) return cached.config;
  const issuer = new URL(c.issuer_url);
  const secret = c.client_secret ? ictx.secrets.decrypt(c.client_secret) : undefined;
  try {
    const config = await oidc.discovery(
      issuer,
      c.client_id,
      undefined,
      secret ? oidc.ClientSecretBasic(secret) : oidc.None(),
      {
        ...(issuer.protocol === "http:" ? { execute: [oidc.allowInsecureRequests] } : {}),
        timeout: 10,
      },
    );
    discovered.set(key, { at: Date.now(), config });
    return config;
  } catch {
    throw unavailable(
      "sso/provider-unreachable",
      "the identity provider could not be reached: try again, or sign in with your password if your firm allows it",
    );
  }
}

async function firmConfig(ictx: IdentityCtx, firmSlug: string) {
  const firm = await access.firmBySlug(ictx.db, firmSlug);
  const config = firm ? await sso.ssoConfig(ictx.db, firm.id) : undefined;
  if (!firm || !config)
    throw notFound("sso/not-configured", "this firm does not sign in with single sign-on");
  return { firm, config };
}

/** The identity provider's authorization URL for a new sign-in. */
export async function startSso(
  ictx: IdentityCtx,
  firmSlug: string,
  emailHint: string | undefined,
): Promise<string> {
  const { firm, config } = await firmConfig(ictx, firmSlug);
  const provider = await providerConfig(ictx, config);
  const state = randomToken();
  const nonce = oidc.randomNonce();
  const verifier = oidc.randomPKCECodeVerifier();
  const now = ictx.clock.now();
  await sso.insertSsoLogin(ictx.db, {
    id: newId(),
    firm_id: firm.id,
    state_hash: ictx.secrets.hash("sso-state", state),
    nonce,
    code_verifier: ictx.secrets.encrypt(verifier),
    created_at: now,
    expires_at: addMinutes(now, 10),
  });
  const url = oidc.buildAuthorizationUrl(provider, {
    redirect_uri: callbackUrl(ictx, firm.slug),
    scope: "openid email profile",
    response_type: "code",
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    ...(emailHint ? { login_hint: emailHint } : {}),
  });
  return url.toString();
}

export type SsoResult =
  { kind: "session"; session: OpenedSession } | { kind: "second-step"; step: SignInStep };

/** Completes a sign-in from the provider's redirect (`currentUrl` is the callback URL as received). */
export async function finishSso(
  ictx: IdentityCtx,
  firmSlug: string,
  currentUrl: URL,
  meta: RequestMeta,
): Promise<SsoResult> {
  const { firm, config } = await firmConfig(ictx, firmSlug);
  const state = currentUrl.searchParams.get("state") ?? "";
  const login = await sso.takeSsoLogin(ictx.db, ictx.secrets.hash("sso-state", state), ictx.clock.now());
  if (!login || login.firm_id !== firm.id || ictx.clock.now() >= login.expires_at)
    throw forbidden("sso/invalid-state", "this sign-in link has expired or was already used: start again");
  if (currentUrl.searchParams.get("error"))
    throw forbidden(
      "sso/provider-refused",
      `the identity provider refused the sign-in (${currentUrl.searchParams.get("error")})`,
    );
  const provider = await providerConfig(ictx, config);
  let claims: Record<string, unknown> | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(provider, currentUrl, {
      pkceCodeVerifier: ictx.secrets.decrypt(login.code_verifier),
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    claims = idToken;
    // Many providers put e-mail and name in the UserInfo answer rather than the ID token.
    if (idToken && typeof idToken.email !== "string")
      claims = {
        ...(await oidc.fetchUserInfo(provider, tokens.access_token, idToken.sub)),
        ...idToken,
        amr: idToken.amr,
      };
  } catch {
    throw forbidden(
      "sso/token-rejected",
      "the identity provider's answer could not be verified: start again",
    );
  }
  if (
    typeof claims?.sub !== "string" ||
    typeof claims.email !== "string" ||
    claims.email_verified === false
  ) {
    throw forbidden("sso/no-verified-email", "the identity provider did not give a verified e-mail address");
  }
  const user = await findOrProvision(
    ictx,
    firm.id,
    config,
    claims.sub,
    normalizeEmail(claims.email),
    typeof claims.name === "string" ? claims.name : "",
    meta,
  );
  await refuseWhenBarred(ictx, user, meta, "sso");
  const amr = Array.isArray(claims.amr) ? (claims.amr as string[]) : [];
  if (config.idp_enforces_mfa || amr.includes("mfa")) {
    const session = await inTransaction(ictx.db, (tx) => openSession(tx, ictx, user, "sso", meta));
    return { kind: "session", session };
  }
  return { kind: "second-step", step: await secondStep(ictx, user, "sso") };
}

async function findOrProvision(
  ictx: IdentityCtx,
  firmId: string,
  config: SsoConfig,
  subject: string,
  email: string,
  name: string,
  meta: RequestMeta,
): Promise<User> {
  const linked = await users.userBySsoSubject(ictx.db, firmId, subject);
  if (linked) return linked;
  const byEmail = await users.userByEmail(ictx.db, email);
  if (byEmail) {
    if (byEmail.firm_id !== firmId)
      throw forbidden("sso/other-firm", "this address belongs to an account of another firm");
    const updated = await users.updateUser(ictx.db, firmId, byEmail.id, {
      sso_subject: subject,
      ...(byEmail.status === "invited" ? { status: "active" as const, name: name || byEmail.name } : {}),
    });
    await securityEvent(ictx.db, { action: "identity.sso.linked", firmId, userId: byEmail.id, meta });
    return updated;
  }
  const domains = await sso.ssoDomains(ictx.db, firmId);
  if (!domains.includes(emailDomain(email)))
    throw forbidden(
      "sso/unknown-user",
      "there is no account for this address: ask your firm's administrator for an invitation",
    );
  try {
    return await inTransaction(ictx.db, async (tx) => {
      const firm = await access.firmById(tx, firmId);
      if (firm && (await users.countLicensed(tx, firmId)) >= firm.licences_paid)
        throw ruleViolation(
          "access/licence-limit",
          "all the firm's paid licences are in use: ask your firm's administrator",
        );
      const created = await users.insertUser(tx, {
        id: newId(),
        firm_id: firmId,
        email,
        name: name.slice(0, 200),
        status: "active",
        sso_subject: subject,
      });
      const system = systemActor(firmId);
      await access.grantMembership(tx, system, created.id, config.default_role, {
        mode: config.default_client_access === "all" ? "all" : "list",
        clientIds: [],
      });
      await recordAudit(tx, system, {
        action: "user.provisioned_by_sso",
        subjectType: "user",
        subjectId: created.id,
        after: { email, role: config.default_role },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("conflict", "sso/account-race", "this account was just created: start again");
    throw error;
  }
}
