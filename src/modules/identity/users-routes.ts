// HTTP routes of the users table: list, invite (and accept an invitation, publicly), edit, change
// role and client access, deactivate and reactivate, reset 2FA.
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import * as access from "../access/index.ts";
import { errors } from "../../platform/route-schemas.ts";
import type { IdentityCtx } from "./identity-ctx.ts";
import { metaOf } from "./request-auth.ts";
import { acceptInvitation, invite, lookupInvitation, resendInvitation } from "./invitation-service.ts";
import {
  changeRole,
  deactivateUser,
  editUser,
  getUser,
  listUsers,
  reactivateUser,
  resetTwoFactor,
  type UserView,
} from "./user-service.ts";
import { stepOut } from "./auth-routes.ts";

const clientAccess = z.object({
  mode: z.enum(access.CLIENT_ACCESS_MODES),
  clientIds: z.array(z.uuid()).max(10_000).default([]),
});
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  role: z.enum(access.ROLES),
  side: z.enum(["partner", "client"]),
  status: z.enum(["invited", "active", "deactivated"]),
  clientAccess: z.object({ mode: z.enum(access.CLIENT_ACCESS_MODES), clientIds: z.array(z.string()) }),
  twoFactor: z.object({ enrolled: z.boolean(), method: z.enum(["totp", "email", "sms"]).nullable() }),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
  invitationExpiresAt: z.string().nullable(),
});
const userOut = (u: UserView): z.infer<typeof userSchema> => ({
  ...u,
  lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
  invitationExpiresAt: u.invitationExpiresAt?.toISOString() ?? null,
});
const idParam = z.object({ id: z.uuid() });
const tokenParam = z.object({ token: z.string().min(20).max(200) });

/** What an invitation link is for: GET /api/invitations/:token. */
export const invitationSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: z.enum(access.ROLES),
  firm: z.object({ name: z.string(), logoDataUrl: z.string().nullable() }),
  expiresAt: z.string(),
});

export function usersRoutes(ictx: IdentityCtx) {
  return async (app: App) => {
    const tags = ["Users"];
    app.get(
      "/api/users",
      {
        schema: {
          tags,
          summary: "The users table, with the licence count (used / paid)",
          querystring: z.object({
            status: z.enum(["invited", "active", "deactivated"]).optional(),
            clientId: z.uuid().optional(),
          }),
          response: {
            200: z.object({
              users: z.array(userSchema),
              licences: z.object({ used: z.number(), paid: z.number() }),
            }),
            ...errors,
          },
        },
      },
      async (req) => {
        const r = await listUsers(ictx, req.actor, req.query);
        return { users: r.users.map(userOut), licences: r.licences };
      },
    );
    app.get(
      "/api/users/:id",
      { schema: { tags, summary: "One user", params: idParam, response: { 200: userSchema, ...errors } } },
      async (req) => userOut(await getUser(ictx, req.actor, req.params.id)),
    );
    app.patch(
      "/api/users/:id",
      {
        schema: {
          tags,
          summary: "Edit a user's name or phone",
          params: idParam,
          body: z.object({
            name: z.string().max(TEXT_LIMITS.name).optional(),
            phone: z.string().max(50).nullable().optional(),
          }),
          response: { 200: userSchema, ...errors },
        },
      },
      async (req) => userOut(await editUser(ictx, req.actor, req.params.id, req.body)),
    );
    app.put(
      "/api/users/:id/role",
      {
        schema: {
          tags,
          summary: "Change a user's role and client access",
          params: idParam,
          body: z.object({ role: z.enum(access.ROLES), clientAccess }),
          response: { 200: userSchema, ...errors },
        },
      },
      async (req) =>
        userOut(await changeRole(ictx, req.actor, req.params.id, req.body.role, req.body.clientAccess)),
    );
    app.post(
      "/api/users/:id/deactivate",
      {
        schema: {
          tags,
          summary: "Deactivate a user: sessions and API tokens end, the licence is freed",
          params: idParam,
          response: { 200: userSchema, ...errors },
        },
      },
      async (req) => userOut(await deactivateUser(ictx, req.actor, req.params.id)),
    );
    app.post(
      "/api/users/:id/reactivate",
      {
        schema: {
          tags,
          summary: "Reactivate a user",
          params: idParam,
          response: { 200: userSchema, ...errors },
        },
      },
      async (req) => userOut(await reactivateUser(ictx, req.actor, req.params.id)),
    );
    app.post(
      "/api/users/:id/reset-2fa",
      {
        schema: {
          tags,
          summary:
            "Reset a user's 2FA (Partner Admin): they set it up again at next sign-in and are e-mailed",
          params: idParam,
          response: { 200: userSchema, ...errors },
        },
      },
      async (req) => userOut(await resetTwoFactor(ictx, req.actor, req.params.id)),
    );
    app.post(
      "/api/users/:id/invitation",
      {
        schema: {
          tags,
          summary: "Send a new invitation (the old link stops working; 7 more days)",
          params: idParam,
          response: { 200: z.object({ user: userSchema }), ...errors },
        },
      },
      async (req) => {
        await resendInvitation(ictx, req.actor, req.params.id);
        return { user: userOut(await getUser(ictx, req.actor, req.params.id)) };
      },
    );
    app.post(
      "/api/invitations",
      {
        schema: {
          tags,
          summary: "Invite someone by e-mail with a role and client access",
          body: z.object({
            email: z.string().max(320),
            name: z.string().max(200).nullable().optional(),
            role: z.enum(access.ROLES),
            clientAccess,
          }),
          response: { 201: z.object({ user: userSchema }), ...errors },
        },
      },
      async (req, reply) => {
        const user = await invite(ictx, req.actor, req.body);
        return reply.code(201).send({ user: userOut(await getUser(ictx, req.actor, user.id)) });
      },
    );

    const pub = { public: true };
    app.get(
      "/api/invitations/:token",
      {
        config: pub,
        schema: {
          tags: ["Sign-in"],
          summary: "What an invitation link is for (public)",
          params: tokenParam,
          response: {
            200: invitationSchema,
            ...errors,
            410: errors[400],
          },
        },
      },
      async (req) => {
        const inv = await lookupInvitation(ictx, req.params.token);
        return { ...inv, expiresAt: inv.expiresAt.toISOString() };
      },
    );
    app.post(
      "/api/invitations/:token/accept",
      {
        config: pub,
        schema: {
          tags: ["Sign-in"],
          summary: "Accept an invitation: choose your name and password, then set up 2FA",
          params: tokenParam,
          body: z.object({ name: z.string().max(200), password: z.string().max(1024) }),
          response: {
            200: z.object({
              next: z.literal("enrol-2fa"),
              enrolment: z.object({
                methods: z.array(z.enum(["totp", "email", "sms"])),
                email: z.string(),
                smsAvailable: z.boolean(),
              }),
            }),
            ...errors,
            410: errors[400],
          },
        },
      },
      async (req, reply) => {
        const step = await acceptInvitation(ictx, req.params.token, req.body, metaOf(req));
        const out = stepOut(reply, ictx, step);
        if (out.next !== "enrol-2fa") throw new Error("an accepted invitation always enrols a second factor");
        return out;
      },
    );
  };
}
