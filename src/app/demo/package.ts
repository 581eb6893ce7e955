// The demo's monthly report package: Bluebird Coffee's package for the last closed month (the
// month before today's), generated through the ordinary request and job, so the portal's package
// page and the client user have a version to open and download. Made once: a firm whose client
// already has a package is left as it is.
import { systemActor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import * as access from "../../modules/access/index.ts";
import * as reports from "../../modules/reports/index.ts";
import { packageSources } from "../report-package.ts";

export const DEMO_PACKAGE_CLIENT = "bluebird-coffee";

const NOTES = [
  "Sales were in line with the month before; card fees rose with the holiday volume.",
  "Bank and card accounts are reconciled to the month-end statements.",
  "Please send the receipts for the two equipment purchases so we can file them with the books.",
].join("\n");

/** The month before the one of `today`, as YYYY-MM. */
export function lastClosedMonth(today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

export async function seedDemoPackage(ctx: Ctx, firmId: string): Promise<reports.PackageView | null> {
  const actor = systemActor(firmId);
  const client = await access.requireClient(ctx.db, actor, DEMO_PACKAGE_CLIENT).catch(() => undefined);
  if (!client) return null;
  if ((await reports.listPackages(ctx, actor, client.slug)).length > 0) return null;
  await reports.updatePackageSettings(ctx, actor, client.slug, { notes: NOTES });
  const month = lastClosedMonth(ctx.clock.today());
  const asked = await reports.requestPackage(ctx, actor, client.slug, { month }, { queue: false });
  await reports.runPackageJob(ctx, { firmId, clientId: client.id, packageId: asked.id }, packageSources);
  return reports.getPackage(ctx, actor, client.slug, asked.id);
}
