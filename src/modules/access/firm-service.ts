// Use cases for the firm itself: its details, licence count and branding (logo and favicon, kept
// in the database and shown to the firm's client users).
import crypto from "node:crypto";
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import type { Executor } from "../../platform/db.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { notFound } from "../../platform/errors.ts";
import { can, requirePermission } from "./model.ts";
import {
  checkBrandColor,
  checkFirmDetails,
  sniffImage,
  type AssetKind,
  type FirmDetailsInput,
} from "./firm-model.ts";
import * as store from "./store.ts";
import type { Firm } from "./store.ts";

export interface Branding {
  name: string;
  logoUrl: string | null;
  faviconUrl: string | null;
  /** #rrggbb, or null: the portal and the report package keep their neutral colours. */
  color: string | null;
}

export async function brandingOf(
  ex: Executor,
  firm: Pick<Firm, "id" | "name" | "brand_color">,
): Promise<Branding> {
  const versions = await store.firmAssetVersions(ex, firm.id);
  const url = (kind: AssetKind) =>
    versions.has(kind) ? `/api/firm/branding/${kind}?v=${versions.get(kind)!.slice(0, 12)}` : null;
  return {
    name: firm.name,
    logoUrl: url("logo"),
    faviconUrl: url("favicon"),
    color: firm.brand_color,
  };
}

/** The firm as an actor may see it: client-side users get its name and branding only. */
export interface FirmView {
  id: string;
  slug: string;
  name: string;
  branding: Branding;
  legalName?: string | null;
  address?: string | null;
  phone?: string | null;
  website?: string | null;
  supportEmail?: string | null;
  /** For those who edit the firm or invite people: licences used (active users) and paid. */
  licences?: { used: number; paid: number };
}

export async function firmView(
  ex: Executor,
  actor: Actor,
  f: Firm,
  licencesUsed: (firmId: string) => Promise<number>,
): Promise<FirmView> {
  const base = { id: f.id, slug: f.slug, name: f.name, branding: await brandingOf(ex, f) };
  // Client-side users see the firm's name and branding, nothing of its internals.
  if (actor.role.startsWith("client_")) return base;
  return {
    ...base,
    legalName: f.legal_name,
    address: f.address,
    phone: f.phone,
    website: f.website,
    supportEmail: f.support_email,
    ...(can(actor, "firm.edit") || can(actor, "user.invite")
      ? { licences: { used: await licencesUsed(f.id), paid: f.licences_paid } }
      : {}),
  };
}

export async function actorFirm(ex: Executor, actor: Actor): Promise<Firm> {
  requirePermission(actor, "firm.read");
  const firm = await store.firmById(ex, actor.firmId);
  if (!firm) throw notFound("access/firm-not-found", "no such firm");
  return firm;
}

export async function updateFirm(ctx: Ctx, actor: Actor, input: FirmDetailsInput): Promise<Firm> {
  requirePermission(actor, "firm.edit");
  const patch = checkFirmDetails(input);
  return inTransaction(ctx.db, async (tx) => {
    const before = await actorFirm(tx, actor);
    const after = await store.updateFirm(tx, actor.firmId, patch);
    await recordAudit(tx, actor, {
      action: "firm.updated",
      subjectType: "firm",
      subjectId: actor.firmId,
      before,
      after,
    });
    return after;
  });
}

export async function firmAsset(
  ex: Executor,
  actor: Actor,
  kind: AssetKind,
): Promise<{ contentType: string; bytes: Buffer; sha256: string }> {
  requirePermission(actor, "firm.read");
  const asset = await store.firmAsset(ex, actor.firmId, kind);
  if (!asset) throw notFound("access/no-branding", `the firm has no ${kind}`);
  return { contentType: asset.content_type, bytes: Buffer.from(asset.bytes), sha256: asset.sha256 };
}

/** The logo as a data URL, for pages shown before sign-in (an invitation). */
export async function logoDataUrl(ex: Executor, firmId: string): Promise<string | null> {
  const asset = await store.firmAsset(ex, firmId, "logo");
  return asset ? `data:${asset.content_type};base64,${Buffer.from(asset.bytes).toString("base64")}` : null;
}

export async function putFirmAsset(
  ctx: Ctx,
  actor: Actor,
  kind: AssetKind,
  bytes: Uint8Array,
): Promise<Branding> {
  requirePermission(actor, "firm.branding");
  const contentType = sniffImage(bytes);
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  return inTransaction(ctx.db, async (tx) => {
    const firm = await actorFirm(tx, actor);
    await store.putFirmAsset(tx, { firm_id: actor.firmId, kind, content_type: contentType, bytes, sha256 });
    await recordAudit(tx, actor, {
      action: "firm.branding.updated",
      subjectType: "firm",
      subjectId: actor.firmId,
      after: { kind, contentType, bytes: bytes.length, sha256 },
    });
    return brandingOf(tx, firm);
  });
}

/** Sets (or with null removes) the brand colour; audited with the colour before and after. */
export async function setBrandColor(ctx: Ctx, actor: Actor, color: string | null): Promise<Branding> {
  requirePermission(actor, "firm.branding");
  const next = checkBrandColor(color);
  return inTransaction(ctx.db, async (tx) => {
    const before = await actorFirm(tx, actor);
    if (before.brand_color === next) return brandingOf(tx, before);
    const after = await store.updateFirm(tx, actor.firmId, { brand_color: next });
    await recordAudit(tx, actor, {
      action: "firm.branding.updated",
      subjectType: "firm",
      subjectId: actor.firmId,
      before: { color: before.brand_color },
      after: { color: next },
    });
    return brandingOf(tx, after);
  });
}

export async function deleteFirmAsset(ctx: Ctx, actor: Actor, kind: AssetKind): Promise<Branding> {
  requirePermission(actor, "firm.branding");
  return inTransaction(ctx.db, async (tx) => {
    const firm = await actorFirm(tx, actor);
    if (await store.deleteFirmAsset(tx, actor.firmId, kind)) {
      await recordAudit(tx, actor, {
        action: "firm.branding.removed",
        subjectType: "firm",
        subjectId: actor.firmId,
        before: { kind },
      });
    }
    return brandingOf(tx, firm);
  });
}
