// Signed-in callers for API tests: a user with a role in a firm (and a session the server accepts),
// or an API token. `inject` carries the session cookie and the CSRF header, as the portal does.
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { systemActor, type Actor } from "../../src/platform/actor.ts";
import { newId } from "../../src/platform/ids.ts";
import { inTransaction } from "../../src/platform/db.ts";
import { createDelivery } from "../../src/platform/delivery/index.ts";
import type { App } from "../../src/platform/http.ts";
import * as access from "../../src/modules/access/index.ts";
import * as identity from "../../src/modules/identity/index.ts";
import type { IdentityCtx } from "../../src/modules/identity/index.ts";
import type { Role } from "../../src/modules/access/index.ts";
import type { TestDb } from "./db.ts";
import { TEST_SECRETS, testConfig } from "./server.ts";

export const TEST_PASSWORD = "correct horse battery staple";

/** The identity services a test server uses (same key, clock and settings). */
export function testIdentity(t: TestDb, env: Record<string, string> = {}): IdentityCtx {
  const config = testConfig(env);
  return {
    ...t.ctx,
    delivery: createDelivery(config, t.ctx.db),
    secrets: TEST_SECRETS,
    settings: {
      baseUrl: config.baseUrl,
      cookieSecure: config.cookieSecure,
      session: config.session,
      issuer: "Closebook",
    },
  };
}

export interface Caller {
  userId: string;
  email: string;
  actor: Actor;
  cookie: string;
  csrfToken: string;
  inject(options: InjectOptions | string): Promise<LightMyRequestResponse>;
}

export interface UserSpec {
  firmId: string;
  role: Role;
  /** Client ids (a client role needs exactly one); "all" for every client. */
  clients?: "all" | string[];
  email?: string;
  name?: string;
  /** Give the user a password (hashing costs ~0.1 s, so only when a test signs in with it). */
  password?: string;
  twoFactor?: { method: "totp"; secret: string } | { method: "email" } | null;
}

/** Creates an active user with a role (no session). */
export async function createUser(t: TestDb, spec: UserSpec): Promise<identity.User> {
  const ictx = testIdentity(t);
  const email = spec.email ?? `${spec.role.replace(/_/g, "-")}-${newId().slice(-8)}@example.test`;
  const hash = spec.password ? await identity.hashPassword(spec.password) : null;
  const twoFactor =
    spec.twoFactor === undefined
      ? { method: "totp" as const, secret: identity.newTotpSecret() }
      : spec.twoFactor;
  return inTransaction(t.ctx.db, async (tx) => {
    const user = await identity.users.insertUser(tx, {
      id: newId(),
      firm_id: spec.firmId,
      email,
      name: spec.name ?? email.split("@")[0]!,
      status: "active",
    });
    const clients = spec.clients ?? (spec.role.startsWith("partner_") ? "all" : []);
    await access.grantMembership(
      tx,
      systemActor(spec.firmId),
      user.id,
      spec.role,
      clients === "all" ? { mode: "all", clientIds: [] } : { mode: "list", clientIds: clients },
    );
    return identity.users.updateUser(tx, spec.firmId, user.id, {
      password_hash: hash,
      twofa_method: twoFactor?.method ?? null,
      totp_secret: twoFactor?.method === "totp" ? ictx.secrets.encrypt(twoFactor.secret) : null,
      twofa_enrolled_at: twoFactor ? t.ctx.clock.now() : null,
    });
  });
}

/** A caller signed in through a session, as if both factors had been proven. */
export async function signedIn(t: TestDb, app: App, spec: UserSpec): Promise<Caller> {
  const user = await createUser(t, spec);
  return sessionFor(t, app, user);
}

export async function sessionFor(t: TestDb, app: App, user: identity.User): Promise<Caller> {
  const ictx = testIdentity(t);
  const opened = await inTransaction(t.ctx.db, (tx) =>
    identity.openSession(tx, ictx, user, "test", { ip: "127.0.0.1", userAgent: "vitest" }),
  );
  const actor = (await identity.actorForUser(t.ctx.db, user))!;
  const cookie = `${identity.SESSION_COOKIE}=${opened.token}`;
  return {
    userId: user.id,
    email: user.email,
    actor,
    cookie,
    csrfToken: opened.csrfToken,
    inject: (options) => {
      const o: InjectOptions = typeof options === "string" ? { url: options } : options;
      return app.inject({
        ...o,
        headers: { cookie, [identity.CSRF_HEADER]: opened.csrfToken, ...(o.headers ?? {}) },
      });
    },
  };
}

/** An API token with a role (created by a Partner Admin of the firm), and an inject that sends it. */
export async function tokenCaller(
  t: TestDb,
  app: App,
  spec: { firmId: string; role: Role; clientId?: string },
): Promise<{ token: string; inject(options: InjectOptions | string): Promise<LightMyRequestResponse> }> {
  const creator = await createUser(t, { firmId: spec.firmId, role: "partner_admin" });
  const actor = (await identity.actorForUser(t.ctx.db, creator))!;
  const { token } = await identity.createToken(testIdentity(t), actor, {
    name: "test",
    role: spec.role,
    clientId: spec.clientId ?? null,
  });
  return {
    token,
    inject: (options) => {
      const o: InjectOptions = typeof options === "string" ? { url: options } : options;
      return app.inject({ ...o, headers: { authorization: `Bearer ${token}`, ...(o.headers ?? {}) } });
    },
  };
}
