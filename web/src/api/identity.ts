// Typed calls to the identity API (docs/api/identity.md): sign-in and 2FA, enrolment,
// invitations, password reset, the signed-in person (/api/me) and their sessions.
// When the server has no identity module, `fetchSession()` reports "open" mode (the server then
// acts as the demo firm's administrator without sign-in).
import { api, setCsrfToken } from "./client.ts";
import { ApiError } from "./problem.ts";
import type { z } from "zod";
import type {
  challengeSchema,
  enrolmentSchema,
  enrolStartSchema,
  outboxMessage,
  stepSchema,
} from "../../../src/modules/identity/auth-routes.ts";
import type { meSchema, sessionSchema } from "../../../src/modules/identity/me-routes.ts";
import type { invitationSchema } from "../../../src/modules/identity/users-routes.ts";

// The shapes come from the server's zod schemas (type-only imports, erased from the bundle), so a
// server change the portal does not follow fails tsc instead of drifting silently.
export type Enrolment = z.infer<typeof enrolmentSchema>;
export type TwoFactorMethod = Enrolment["methods"][number];
export type Challenge = z.infer<typeof challengeSchema>;
export type SignInStep = z.infer<typeof stepSchema>;

type ServerMe = z.infer<typeof meSchema>;
/**
 * The signed-in person (GET /api/me). Two fields are wider than the server's schema because open
 * mode (no identity module: OPEN_ME below) has no second factor and no session to show.
 */
export type Me = Omit<ServerMe, "user" | "session"> & {
  user: Omit<ServerMe["user"], "twoFactor"> & { twoFactor: ServerMe["user"]["twoFactor"] | null };
  session: ServerMe["session"] | null;
};

export interface Session {
  /** "open": no identity module on the server; "user": a signed-in person. */
  mode: "open" | "user";
  me: Me;
}

const OPEN_ME: Me = {
  user: {
    id: "system",
    email: "",
    name: "Demo administrator",
    phone: null,
    role: "partner_admin",
    twoFactor: null,
  },
  firm: {
    id: "",
    slug: "",
    name: "Closebook",
    branding: { name: "Closebook", logoUrl: null, faviconUrl: null, color: null },
  },
  side: "partner",
  permissions: [],
  clients: [],
  csrfToken: "",
  session: null,
};

/** The signed-in person, null when signed out, or the open session when sign-in does not exist. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const me = await api.get<Me>("/api/me");
    setCsrfToken(me.csrfToken);
    return { mode: "user", me };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    if (error instanceof ApiError && error.status === 404 && error.code === "http/no-route")
      return { mode: "open", me: OPEN_ME };
    throw error;
  }
}

export type EnrolStart = z.infer<typeof enrolStartSchema>;
export type TotpEnrolment = Extract<EnrolStart, { method: "totp" }>;
export type Invitation = z.infer<typeof invitationSchema>;
export type SessionInfo = z.infer<typeof sessionSchema>;
export type TrialOutboxMessage = z.infer<typeof outboxMessage>;

const done = <T extends { csrfToken?: string }>(r: T) => {
  if (r.csrfToken) setCsrfToken(r.csrfToken);
  return r;
};

export const authApi = {
  signIn: (email: string, password: string) => api.post<SignInStep>("/api/auth/sign-in", { email, password }),
  verify: (code: string) =>
    api
      .post<{ next: "done"; csrfToken: string; recoveryCodesLeft: number }>("/api/auth/2fa/verify", { code })
      .then(done),
  resend: () => api.post<{ challenge: Challenge }>("/api/auth/2fa/resend").then((r) => r.challenge),
  trialOutbox: () =>
    api.get<{ messages: TrialOutboxMessage[] }>("/api/auth/2fa/outbox").then((r) => r.messages),
  enrolTotp: () => api.post<TotpEnrolment>("/api/auth/2fa/enrol/totp"),
  enrolEmail: () => api.post<{ challenge: Challenge }>("/api/auth/2fa/enrol/email").then((r) => r.challenge),
  enrolSms: (phone: string) =>
    api.post<{ challenge: Challenge }>("/api/auth/2fa/enrol/sms", { phone }).then((r) => r.challenge),
  confirmEnrolment: (code: string) =>
    api
      .post<{ next: "done"; csrfToken: string; recoveryCodes: string[] }>("/api/auth/2fa/enrol/confirm", {
        code,
      })
      .then(done),
  signOut: () => api.post<void>("/api/auth/sign-out"),
  signOutEverywhere: () => api.post<void>("/api/auth/sign-out-everywhere"),
  requestReset: (email: string) => api.post<void>("/api/auth/password-reset", { email }),
  confirmReset: (token: string, password: string) =>
    api.post<{ next: "sign-in" }>("/api/auth/password-reset/confirm", { token, password }),
  discoverSso: (email: string) =>
    api.get<{ sso: { firm: string; startUrl: string; required: boolean } | null }>("/api/auth/sso/discover", {
      email,
    }),
  invitation: (token: string) => api.get<Invitation>(`/api/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (token: string, name: string, password: string) =>
    api.post<SignInStep>(`/api/invitations/${encodeURIComponent(token)}/accept`, { name, password }),
};

export const meApi = {
  update: (patch: { name?: string; phone?: string | null }) =>
    api.patch<{ user: Me["user"] }>("/api/me", patch),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>("/api/me/password", { currentPassword, newPassword }),
  sessions: () => api.get<{ sessions: SessionInfo[] }>("/api/me/sessions").then((r) => r.sessions),
  endSession: (id: string) => api.del(`/api/me/sessions/${id}`),
  sendCode: () => api.post<{ challenge: Challenge }>("/api/me/2fa/send-code").then((r) => r.challenge),
  verifyCurrent: (code: string) =>
    api.post<{ verifiedUntil: string }>("/api/me/2fa/verify-current", { code }),
  enrol: (method: TwoFactorMethod, phone?: string) =>
    api.post<EnrolStart>(`/api/me/2fa/enrol/${method}`, method === "sms" ? { phone } : {}),
  confirmEnrolment: (code: string) =>
    api.post<{ method: TwoFactorMethod; recoveryCodes: string[] }>("/api/me/2fa/enrol/confirm", { code }),
  newRecoveryCodes: () => api.post<{ recoveryCodes: string[] }>("/api/me/2fa/recovery-codes"),
};
