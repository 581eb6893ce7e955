// The demo's service procedures for the coffee shop: the seven basic services on from the month
// before last; that month's required information all in and its close checklist signed by a
// preparer and reviewed by the Partner Admin (so it closes cleanly); last month's bank statements
// in and the rest (the card statement, the payroll register, the loan statement) still missing, so
// the open month shows what the client owes. Run by seedDemoClose, once, before the close.
import type { Actor } from "../../platform/actor.ts";
import { systemActor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import * as services from "../../modules/services/index.ts";

/** The preparer who signs first (the demo firm has one person; the reviewer must be another). */
const preparerOf = (firmId: string): Actor => ({
  ...systemActor(firmId),
  id: "demo-preparer",
  displayName: "Pat Preparer (demo)",
});

export async function seedDemoServices(
  ctx: Ctx,
  admin: Actor,
  slug: string,
  months: { closed: string; open: string },
): Promise<void> {
  const basic = services.DEFAULT_CATALOGUE.filter((s) => s.tier === "basic");
  await services.putClientScope(ctx, admin, slug, {
    services: basic.map((s) => ({ code: s.code, from: months.closed })),
  });
  const before = await services.getMonthChecklist(ctx, admin, slug, months.closed);
  // The information came on the 3rd business-ish day of the month after.
  const [y, m] = months.closed.split("-").map(Number) as [number, number];
  const arrived = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, "0")}-03`;
  for (const item of before.requiredInfo)
    await services.tickInfo(ctx, admin, slug, months.closed, { key: item.key, receivedOn: arrived });
  const preparer = preparerOf(admin.firmId);
  for (const item of before.checklist) {
    await services.signItem(ctx, preparer, slug, months.closed, { key: item.key, role: "preparer" });
    await services.signItem(ctx, admin, slug, months.closed, { key: item.key, role: "reviewer" });
  }
  const open = await services.getMonthChecklist(ctx, admin, slug, months.open);
  for (const item of open.requiredInfo.filter((r) => r.kind === "bank_statement"))
    await services.tickInfo(ctx, admin, slug, months.open, { key: item.key });
}
