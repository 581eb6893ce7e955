// Builds what the identity and notifications modules need beyond the runtime: the server key,
// outgoing delivery (SMTP / Twilio / outbox), the sign-in settings from the configuration, and the
// wiring that turns events of one module into notifications (which modules may not import upward).
import type { Config } from "../platform/config.ts";
import type { Ctx } from "../platform/context.ts";
import { createDelivery, type Delivery } from "../platform/delivery/index.ts";
import { createSecrets, loadSecretKey, type Secrets } from "../platform/secrets.ts";
import * as identity from "../modules/identity/index.ts";
import type { IdentityCtx } from "../modules/identity/index.ts";
import * as notifications from "../modules/notifications/index.ts";
import type { NotifyCtx } from "../modules/notifications/index.ts";
import * as access from "../modules/access/index.ts";
import type { AccessRouteHooks } from "../modules/access/index.ts";
import * as banking from "../modules/banking/index.ts";
import type { DocumentsCtx } from "../modules/documents/index.ts";
import { lazyBlobStore, type BlobStore } from "../platform/storage/index.ts";
import * as vault from "../modules/vault/index.ts";
import type { MasterKey, VaultCtx } from "../modules/vault/index.ts";

export interface AppServices {
  identity: IdentityCtx;
  notify: NotifyCtx;
  delivery: Delivery;
  accessHooks: AccessRouteHooks;
  documents: DocumentsCtx;
  vault: VaultCtx;
}

export interface ServiceOverrides {
  secrets?: Secrets;
  delivery?: Delivery;
  /** Where documents' bytes go (tests pass a store in a temporary folder or on a local S3 server). */
  blobs?: BlobStore;
  /** The vault's master key (tests pass a fixed one; else VAULT_MASTER_KEY or the data dir's file). */
  vaultKey?: MasterKey;
}

export function appServices(config: Config, ctx: Ctx, overrides: ServiceOverrides = {}): AppServices {
  const secrets =
    overrides.secrets ??
    createSecrets(loadSecretKey({ secretKey: config.secretKey, dataDir: config.dataDir }));
  const delivery = overrides.delivery ?? createDelivery(config, ctx.db);
  const nctx: NotifyCtx = {
    ...ctx,
    delivery,
    baseUrl: config.baseUrl,
    emailsOf: identity.emailsOf,
    secrets,
  };
  const ictx: IdentityCtx = {
    ...ctx,
    delivery,
    secrets,
    settings: {
      baseUrl: config.baseUrl,
      cookieSecure: config.cookieSecure,
      session: config.session,
      issuer: "Closebook",
    },
    notify: (input) => notifications.notify(nctx, input),
  };
  const accessHooks: AccessRouteHooks = {
    // The firm's Partner Admins hear when a client is terminated or kept after all.
    async clientTerminationChanged(actor, client) {
      const active = await identity.users.activeUserIds(ctx.db, actor.firmId);
      const admins = [...(await access.membershipViews(ctx.db, actor.firmId, active)).values()]
        .filter((m) => m.role === "partner_admin")
        .map((m) => m.userId);
      const terminated = client.status === "terminated";
      await notifications.notify(nctx, {
        firmId: actor.firmId,
        userIds: admins.filter((id) => id !== actor.id),
        event: terminated ? "client.terminated" : "client.termination_cancelled",
        title: terminated ? `${client.name} was terminated` : `${client.name} stays a client`,
        body: terminated
          ? `${actor.displayName} terminated ${client.name}. Its data is kept until ${client.purge_after?.toISOString().slice(0, 10)}, then purged.`
          : `${actor.displayName} cancelled the termination of ${client.name}.`,
        link: clientLink(client.slug),
        clientId: client.id,
      });
    },
  };
  const documents = documentsCtx(config, ctx, overrides.blobs);
  const vctx: VaultCtx = {
    ...(overrides.vaultKey ? { ...ctx, master: overrides.vaultKey } : vaultCtx(config, ctx)),
    notify: (input) => notifications.notify(nctx, input),
  };
  return { identity: ictx, notify: nctx, delivery, accessHooks, documents, vault: vctx };
}

/** Where a client's termination notice leads: the client's page in the global view. */
export const clientLink = (clientSlug: string) => `/clients/${clientSlug}`;

/** What the vault needs: the runtime and the master key of the configuration. */
export function vaultCtx(config: Config, ctx: Ctx): VaultCtx {
  return {
    ...ctx,
    master: vault.loadMasterKey({ vaultMasterKey: config.vaultMasterKey, dataDir: config.dataDir }),
  };
}

/** What the documents module needs: the blob store of the configuration and the bank accounts. */
export function documentsCtx(config: Config, ctx: Ctx, blobs?: BlobStore): DocumentsCtx {
  return {
    ...ctx,
    blobs: blobs ?? lazyBlobStore({ dataDir: config.dataDir, s3: config.storage.s3 }),
    limits: config.uploads,
    // The Bank statements folders follow the client's active bank and card accounts.
    statementAccounts: async (actor, clientSlug) =>
      (await banking.bankOverview(ctx, actor, clientSlug)).bankAccounts
        .filter((a) => a.isActive)
        .map((a) => ({ id: a.id, name: a.name, mask: a.mask, shortName: a.shortName })),
  };
}
