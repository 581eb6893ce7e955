// HTTP routes about the signed-in person: who I am (with the CSRF token and my firm's branding),
// my profile and password, my sessions, and my second factor (prove it, switch it, new recovery codes).
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import * as access from "../access/index.ts";
import { errors } from "../../platform/route-schemas.ts";
import type { IdentityCtx } from "./identity-ctx.ts";
import { metaOf, sessionOf } from "./request-auth.ts";
import { endSession, listSessions } from "./session-service.ts";
import { changePassword } from "./password-service.ts";
import {
  confirmChange,
  regenerateRecoveryCodes,
  sendCurrentCode,
  startEnrolment,
  verifyCurrent,
} from "./enrolment-service.ts";
import { challengeSchema, enrolStartSchema } from "./auth-routes.ts";
import { updateOwnProfile, whoAmI } from "./me-service.ts";
import type { OwnProfile } from "./me-service.ts";

const method = z.enum(["totp", "email", "sms"]);
const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  role: z.enum(access.ROLES),
  twoFactor: z.object({
    method: method.nullable(),
    enrolledAt: z.string().nullable(),
    recoveryCodesLeft: z.number(),
  }),
});
export const meSchema = z.object({
  user: userSchema,
  firm: z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    branding: z.object({
      name: z.string(),
      logoUrl: z.string().nullable(),
      faviconUrl: z.string().nullable(),
      color: z.string().nullable(),
    }),
  }),
  side: z.enum(["partner", "client"]),
  permissions: z.array(z.string()),
  clients: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), status: z.string() })),
  csrfToken: z.string(),
  session: z.object({ expiresAt: z.string(), idleExpiresAt: z.string() }),
});
const code = z.object({ code: z.string().min(1).max(40) });

/** One of your sessions in GET /api/me/sessions. */
export const sessionSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  authMethod: z.string(),
});

export function meRoutes(ictx: IdentityCtx) {
  const userOut = ({ user: u, recoveryCodesLeft }: OwnProfile, role: access.Role) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    phone: u.phone,
    role,
    twoFactor: {
      method: u.twofa_method,
      enrolledAt: u.twofa_enrolled_at?.toISOString() ?? null,
      recoveryCodesLeft,
    },
  });

  return async (app: App) => {
    const tags = ["Me"];
    app.get(
      "/api/me",
      {
        schema: {
          tags,
          summary: "Who is signed in: user, role, firm branding, visible clients, the CSRF token",
          response: { 200: meSchema, ...errors },
        },
      },
      async (req) => {
        const { session, user } = sessionOf(req);
        const me = await whoAmI(ictx, req.actor, session, user);
        return {
          user: userOut(me, req.actor.role as access.Role),
          firm: { id: me.firm.id, slug: me.firm.slug, name: me.firm.name, branding: me.branding },
          side: access.sideOf(req.actor.role),
          permissions: access.permissionsOf(req.actor.role),
          clients: me.clients.map((c) => ({ id: c.id, slug: c.slug, name: c.name, status: c.status })),
          csrfToken: session.csrf_token,
          session: {
            expiresAt: session.expires_at.toISOString(),
            idleExpiresAt: me.idleExpiresAt.toISOString(),
          },
        };
      },
    );
    app.patch(
      "/api/me",
      {
        schema: {
          tags,
          summary: "Change your name or phone number",
          body: z.object({
            name: z.string().max(TEXT_LIMITS.name).optional(),
            phone: z.string().max(50).nullable().optional(),
          }),
          response: { 200: z.object({ user: userSchema }), ...errors },
        },
      },
      async (req) => {
        const updated = await updateOwnProfile(ictx, req.actor, sessionOf(req).user, req.body);
        return { user: userOut(updated, req.actor.role as access.Role) };
      },
    );
    app.post(
      "/api/me/password",
      {
        schema: {
          tags,
          summary: "Change your password (your other sessions end)",
          body: z.object({ currentPassword: z.string().max(1024), newPassword: z.string().max(1024) }),
          response: { 204: z.null(), ...errors, 429: errors[400] },
        },
      },
      async (req, reply) => {
        await changePassword(ictx, sessionOf(req).session, req.body, metaOf(req));
        return reply.code(204).send(null);
      },
    );
    app.get(
      "/api/me/sessions",
      {
        schema: {
          tags,
          summary: "Your open sessions",
          response: {
            200: z.object({
              sessions: z.array(sessionSchema),
            }),
            ...errors,
          },
        },
      },
      async (req) => ({
        sessions: (await listSessions(ictx, sessionOf(req).session)).map((s) => ({
          id: s.id,
          current: s.current,
          createdAt: s.created_at.toISOString(),
          lastSeenAt: s.last_seen_at.toISOString(),
          userAgent: s.user_agent,
          ip: s.ip,
          authMethod: s.auth_method,
        })),
      }),
    );
    app.delete(
      "/api/me/sessions/:id",
      {
        schema: {
          tags,
          summary: "End one of your sessions",
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await endSession(ictx, sessionOf(req).session, req.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      "/api/me/2fa/send-code",
      {
        schema: {
          tags,
          summary: "Send a code to your current e-mail or SMS method (to prove it before a change)",
          response: { 200: z.object({ challenge: challengeSchema }), ...errors, 429: errors[400] },
        },
      },
      async (req) => ({ challenge: await sendCurrentCode(ictx, sessionOf(req).session, metaOf(req)) }),
    );
    app.post(
      "/api/me/2fa/verify-current",
      {
        schema: {
          tags,
          summary:
            "Prove your current second factor (or use a recovery code): allows a change for 10 minutes",
          body: code,
          response: {
            200: z.object({ verifiedUntil: z.string() }),
            ...errors,
            410: errors[400],
            429: errors[400],
          },
        },
      },
      async (req) => ({
        verifiedUntil: (
          await verifyCurrent(ictx, sessionOf(req).session, req.body.code, metaOf(req))
        ).toISOString(),
      }),
    );
    app.post(
      "/api/me/2fa/enrol/:method",
      {
        schema: {
          tags,
          summary: "Start switching to another second factor (after verify-current)",
          params: z.object({ method }),
          body: z.object({ phone: z.string().max(40).optional() }).nullish(),
          response: { 200: enrolStartSchema, ...errors, 429: errors[400] },
        },
      },
      async (req) =>
        startEnrolment(
          ictx,
          { kind: "session", session: sessionOf(req).session },
          req.params.method,
          req.body?.phone,
        ),
    );
    app.post(
      "/api/me/2fa/enrol/confirm",
      {
        schema: {
          tags,
          summary: "Confirm the new second factor with a code: it replaces the old one; new recovery codes",
          body: code,
          response: {
            200: z.object({ method, recoveryCodes: z.array(z.string()) }),
            ...errors,
            410: errors[400],
            429: errors[400],
          },
        },
      },
      async (req) => confirmChange(ictx, sessionOf(req).session, req.body.code, metaOf(req)),
    );
    app.post(
      "/api/me/2fa/recovery-codes",
      {
        schema: {
          tags,
          summary: "New recovery codes (after verify-current); the old ones stop working",
          response: { 200: z.object({ recoveryCodes: z.array(z.string()) }), ...errors },
        },
      },
      async (req) => ({
        recoveryCodes: await regenerateRecoveryCodes(ictx, sessionOf(req).session, metaOf(req)),
      }),
    );
  };
}
