// What identity's use cases need besides the database, clock and jobs: outgoing messages, the
// server key, and the sign-in settings (where the portal is, session timeouts, cookie security).
import type { Ctx } from "../../platform/context.ts";
import type { Delivery } from "../../platform/delivery/index.ts";
import type { Secrets } from "../../platform/secrets.ts";
import type { SessionTimeouts } from "./model.ts";
import type { NotifyInput } from "../notifications/index.ts";

export interface IdentitySettings {
  /** The portal's address, for links in e-mails and SSO redirects. */
  baseUrl: string;
  cookieSecure: boolean;
  session: SessionTimeouts;
  /** The name authenticator apps show next to the account. */
  issuer: string;
}

export interface IdentityCtx extends Ctx {
  delivery: Delivery;
  secrets: Secrets;
  settings: IdentitySettings;
  /** Tells people in the portal's bell (the notifications module, wired by the app). */
  notify?: (input: NotifyInput) => Promise<void>;
}

/** Where a request comes from, for throttling by address and for the audit trail. */
export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}
