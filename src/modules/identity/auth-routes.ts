// HTTP routes of signing in (public: they run before anyone is known): password, the code step,
// Resend, first enrolment of a second factor, password reset, and signing out.
import { z } from "zod";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { App } from "../../platform/http.ts";
import { errors } from "../../platform/route-schemas.ts";
import type { IdentityCtx } from "./identity-ctx.ts";
import {
  CHALLENGE_COOKIE,
  clearSessionCookie,
  metaOf,
  sessionOf,
  setChallengeCookie,
  setSessionCookie,
} from "./request-auth.ts";
import {
  challengeOutbox,
  enrolmentView,
  loadCookieChallenge,
  resend,
  signIn,
  verifySignIn,
  type SignInStep,
} from "./sign-in-service.ts";
import { challengeView } from "./second-factor.ts";
import { confirmFirstEnrolment, startEnrolment } from "./enrolment-service.ts";
import { confirmPasswordReset, requestPasswordReset } from "./password-service.ts";
import { signOut, signOutEverywhere } from "./session-service.ts";

const method = z.enum(["totp", "email", "sms"]);
export const challengeSchema = z.object({
  method: method.nullable(),
  destination: z.string().nullable(),
  expiresAt: z.string(),
  resendAvailableAt: z.string().nullable(),
  resendsLeft: z.number(),
  outbox: z
    .boolean()
    .describe("no mail server is configured: the code can be read with GET /api/auth/2fa/outbox"),
});
export const enrolmentSchema = z.object({
  methods: z.array(method),
  email: z.string(),
  smsAvailable: z.boolean(),
});
export const stepSchema = z.union([
  z.object({ next: z.literal("2fa"), challenge: challengeSchema }),
  z.object({ next: z.literal("enrol-2fa"), enrolment: enrolmentSchema }),
]);
const done = z.object({ next: z.literal("done"), csrfToken: z.string() });
export const enrolStartSchema = z.union([
  z.object({ method: z.literal("totp"), secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() }),
  z.object({ method: z.enum(["email", "sms"]), challenge: challengeSchema }),
]);
const code = z.object({
  code: z.string().min(1).max(40).describe("the 6-digit code, or a recovery code xxxx-xxxx"),
});
export const outboxMessage = z.object({
  channel: z.enum(["email", "sms"]),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
});

export function stepOut(
  reply: FastifyReply,
  ictx: IdentityCtx,
  step: SignInStep,
): z.infer<typeof stepSchema> {
  setChallengeCookie(reply, ictx, step.token);
  return step.next === "2fa"
    ? { next: "2fa", challenge: step.challenge }
    : { next: "enrol-2fa", enrolment: step.enrolment };
}

const challengeToken = (req: FastifyRequest) => req.cookies[CHALLENGE_COOKIE];

export function authRoutes(ictx: IdentityCtx) {
  return async (app: App) => {
    const tags = ["Sign-in"];
    const pub = { public: true };
    app.post(
      "/api/auth/sign-in",
      {
        config: pub,
        schema: {
          tags,
          summary: "Sign in with e-mail and password; the second factor follows",
          body: z.object({ email: z.string().max(320), password: z.string().max(1024) }),
          response: { 200: stepSchema, ...errors, 429: errors[400] },
        },
      },
      async (req, reply) => stepOut(reply, ictx, await signIn(ictx, req.body, metaOf(req))),
    );
    app.get(
      "/api/auth/challenge",
      {
        config: pub,
        schema: {
          tags,
          summary: "The sign-in step in progress (after a reload, or a redirect from single sign-on)",
          response: { 200: stepSchema, ...errors },
        },
      },
      async (req) => {
        const { challenge, user } = await loadCookieChallenge(ictx, challengeToken(req), [
          "sign-in",
          "enrol",
        ]);
        return challenge.purpose === "enrol"
          ? { next: "enrol-2fa" as const, enrolment: enrolmentView(ictx, user) }
          : { next: "2fa" as const, challenge: challengeView(ictx, challenge, user) };
      },
    );
    app.post(
      "/api/auth/2fa/verify",
      {
        config: pub,
        schema: {
          tags,
          summary: "Enter the code (or a recovery code): signs you in",
          body: code,
          response: {
            200: done.extend({ recoveryCodesLeft: z.number() }),
            ...errors,
            410: errors[400],
            429: errors[400],
          },
        },
      },
      async (req, reply) => {
        const opened = await verifySignIn(ictx, challengeToken(req), req.body.code, metaOf(req));
        setSessionCookie(reply, ictx, opened);
        return {
          next: "done" as const,
          csrfToken: opened.csrfToken,
          recoveryCodesLeft: opened.recoveryCodesLeft,
        };
      },
    );
    app.post(
      "/api/auth/2fa/resend",
      {
        config: pub,
        schema: {
          tags,
          summary: "Send a new e-mail or SMS code (the previous one stops working)",
          response: {
            200: z.object({ challenge: challengeSchema }),
            ...errors,
            410: errors[400],
            429: errors[400],
          },
        },
      },
      async (req, reply) => {
        const token = challengeToken(req);
        const challenge = await resend(ictx, token, metaOf(req));
        if (token) setChallengeCookie(reply, ictx, token);
        return { challenge };
      },
    );
    app.get(
      "/api/auth/2fa/outbox",
      {
        config: pub,
        schema: {
          tags,
          summary: "Trial mode (no mail server): the codes sent to the person signing in",
          response: { 200: z.object({ messages: z.array(outboxMessage) }), ...errors },
        },
      },
      async (req) => ({
        messages: (await challengeOutbox(ictx, challengeToken(req))).map((m) => ({
          channel: m.channel,
          to: m.to,
          subject: m.subject,
          text: m.text,
          createdAt: m.createdAt.toISOString(),
        })),
      }),
    );
    app.post(
      "/api/auth/2fa/enrol/:method",
      {
        config: pub,
        schema: {
          tags,
          summary: "Start setting up a second factor: an authenticator app, e-mail codes or SMS codes",
          params: z.object({ method }),
          body: z.object({ phone: z.string().max(40).optional() }).nullish(),
          response: { 200: enrolStartSchema, ...errors, 410: errors[400], 429: errors[400] },
        },
      },
      async (req, reply) => {
        const token = challengeToken(req);
        const start = await startEnrolment(
          ictx,
          { kind: "cookie", token },
          req.params.method,
          req.body?.phone,
        );
        if (token) setChallengeCookie(reply, ictx, token);
        return start;
      },
    );
    app.post(
      "/api/auth/2fa/enrol/confirm",
      {
        config: pub,
        schema: {
          tags,
          summary:
            "Confirm the new second factor with a code: signs you in and shows your 10 recovery codes once",
          body: code,
          response: {
            200: done.extend({ recoveryCodes: z.array(z.string()) }),
            ...errors,
            410: errors[400],
            429: errors[400],
          },
        },
      },
      async (req, reply) => {
        const opened = await confirmFirstEnrolment(ictx, challengeToken(req), req.body.code, metaOf(req));
        setSessionCookie(reply, ictx, opened);
        return { next: "done" as const, csrfToken: opened.csrfToken, recoveryCodes: opened.recoveryCodes };
      },
    );
    app.post(
      "/api/auth/password-reset",
      {
        config: pub,
        schema: {
          tags,
          summary: "E-mail a password reset link (the answer is the same whether or not the address exists)",
          body: z.object({ email: z.string().max(320) }),
          response: { 202: z.object({ accepted: z.literal(true) }), ...errors, 429: errors[400] },
        },
      },
      async (req, reply) => {
        await requestPasswordReset(ictx, req.body.email, metaOf(req));
        return reply.code(202).send({ accepted: true as const });
      },
    );
    app.post(
      "/api/auth/password-reset/confirm",
      {
        config: pub,
        schema: {
          tags,
          summary: "Choose a new password with the link's token",
          body: z.object({ token: z.string().max(200), password: z.string().max(1024) }),
          response: { 200: z.object({ next: z.literal("sign-in") }), ...errors, 410: errors[400] },
        },
      },
      async (req) => {
        await confirmPasswordReset(ictx, req.body.token, req.body.password, metaOf(req));
        return { next: "sign-in" as const };
      },
    );
    app.post(
      "/api/auth/sign-out",
      { schema: { tags, summary: "Sign out of this session", response: { 204: z.null(), ...errors } } },
      async (req, reply) => {
        await signOut(ictx, sessionOf(req).session);
        clearSessionCookie(reply);
        return reply.code(204).send(null);
      },
    );
    app.post(
      "/api/auth/sign-out-everywhere",
      {
        schema: {
          tags,
          summary: "Sign out of every session of your account, this one included",
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await signOutEverywhere(ictx, sessionOf(req).session);
        clearSessionCookie(reply);
        return reply.code(204).send(null);
      },
    );
  };
}
