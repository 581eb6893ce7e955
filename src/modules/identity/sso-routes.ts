// HTTP routes of single sign-on: the firm's provider settings (Partner Admin), and the public
// discover / start / callback of a sign-in (browser redirects, not JSON, for the last two).
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import { AppError } from "../../platform/errors.ts";
import { errors } from "../../platform/route-schemas.ts";
import type { IdentityCtx } from "./identity-ctx.ts";
import { metaOf, setChallengeCookie, setSessionCookie } from "./request-auth.ts";
import {
  deleteSsoSettings,
  discover,
  finishSso,
  getSsoSettings,
  saveSsoSettings,
  startSso,
} from "./sso-service.ts";

const settingsIn = z.object({
  issuerUrl: z.string().max(500),
  clientId: z.string().max(500),
  clientSecret: z
    .string()
    .max(2000)
    .nullable()
    .optional()
    .describe("omit to keep the saved secret; null to remove it"),
  emailDomains: z.array(z.string().max(253)).max(50),
  defaultRole: z
    .enum(["partner_admin", "partner_ops"])
    .describe("the role of someone signing in for the first time"),
  defaultClientAccess: z.enum(["all", "none"]).default("none"),
  requireSso: z
    .boolean()
    .default(false)
    .describe("refuse password sign-in (Partner Admins keep it, in case the provider is down)"),
  idpEnforcesMfa: z
    .boolean()
    .default(false)
    .describe("the provider enforces MFA: skip the local second factor"),
});
const settingsOut = settingsIn
  .omit({ clientSecret: true })
  .extend({ hasClientSecret: z.boolean(), callbackUrl: z.string() });

export function ssoRoutes(ictx: IdentityCtx) {
  return async (app: App) => {
    const tags = ["Single sign-on"];
    const pub = { public: true };
    app.get(
      "/api/firm/sso",
      {
        schema: {
          tags,
          summary: "The firm's OpenID Connect provider (Partner Admin)",
          response: { 200: z.object({ sso: settingsOut.nullable() }), ...errors },
        },
      },
      async (req) => ({ sso: await getSsoSettings(ictx, req.actor) }),
    );
    app.put(
      "/api/firm/sso",
      {
        schema: {
          tags,
          summary: "Set up or change the firm's OpenID Connect provider (Partner Admin)",
          body: settingsIn,
          response: { 200: z.object({ sso: settingsOut }), ...errors },
        },
      },
      async (req) => ({ sso: await saveSsoSettings(ictx, req.actor, req.body) }),
    );
    app.delete(
      "/api/firm/sso",
      {
        schema: {
          tags,
          summary: "Turn single sign-on off (Partner Admin)",
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await deleteSsoSettings(ictx, req.actor);
        return reply.code(204).send(null);
      },
    );
    app.get(
      "/api/auth/sso/discover",
      {
        config: pub,
        schema: {
          tags,
          summary: "Whether an e-mail address signs in with its firm's provider",
          querystring: z.object({ email: z.string().max(320) }),
          response: {
            200: z.object({
              sso: z.object({ firm: z.string(), startUrl: z.string(), required: z.boolean() }).nullable(),
            }),
            ...errors,
          },
        },
      },
      async (req) => ({ sso: await discover(ictx, req.query.email) }),
    );
    app.get(
      "/api/auth/sso/:firm/start",
      {
        config: pub,
        schema: {
          tags,
          summary: "Go to the firm's identity provider (302)",
          params: z.object({ firm: z.string().max(63) }),
          querystring: z.object({ email: z.string().max(320).optional() }),
          response: { 404: errors[404] },
        },
      },
      async (req, reply) => reply.redirect(await startSso(ictx, req.params.firm, req.query.email), 302),
    );
    app.get(
      "/api/auth/sso/:firm/callback",
      {
        config: pub,
        schema: {
          tags,
          summary: "Where the identity provider sends the browser back (302 into the portal)",
          params: z.object({ firm: z.string().max(63) }),
        },
      },
      async (req, reply) => {
        try {
          const result = await finishSso(
            ictx,
            req.params.firm,
            new URL(req.url, ictx.settings.baseUrl),
            metaOf(req),
          );
          if (result.kind === "session") {
            setSessionCookie(reply, ictx, result.session);
            return reply.redirect("/", 302);
          }
          setChallengeCookie(reply, ictx, result.step.token);
          return reply.redirect("/sign-in/2fa", 302);
        } catch (error) {
          if (error instanceof AppError)
            return reply.redirect(`/sign-in?error=${encodeURIComponent(error.code)}`, 302);
          throw error;
        }
      },
    );
  };
}
