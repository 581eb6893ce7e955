// JE Automation's held entries, told to the people who fix them: the client's preparer in the
// Close Tracker's settings, else the firm's Partner Ops who work on the client. Wired here because
// the journals module may not read the close settings or the firm's people.
import { systemActor } from "../platform/actor.ts";
import type { Ctx } from "../platform/context.ts";
import * as access from "../modules/access/index.ts";
import * as close from "../modules/close/index.ts";
import * as identity from "../modules/identity/index.ts";
import type { HeldEntry, JournalsHooks } from "../modules/journals/index.ts";
import { payrollImported } from "./required-info.ts";
import * as notifications from "../modules/notifications/index.ts";

/** Who hears of a client's held entries: its preparer, else the Partner Ops who see the client. */
async function preparersOf(ctx: Ctx, firmId: string, clientId: string): Promise<string[]> {
  const settings = await close.getCloseSettings(ctx, systemActor(firmId), clientId);
  if (settings.preparerId) return [settings.preparerId];
  const active = await identity.users.activeUserIds(ctx.db, firmId);
  return [...(await access.membershipViews(ctx.db, firmId, active)).values()]
    .filter((m) => m.role === "partner_ops" && (m.mode === "all" || m.clientIds.includes(clientId)))
    .map((m) => m.userId);
}

/** The batch at the held entry's month, the entry highlighted. */
export const heldEntryLink = (clientSlug: string, month: string, runId: string) =>
  `/c/${clientSlug}/journals?month=${month}&run=${runId}`;

/** The notification of one held entry: what is held and why, linking to it in the month's batch. */
export function heldNotice(h: HeldEntry): Omit<notifications.NotifyInput, "userIds" | "firmId"> {
  return {
    event: "journals.held",
    title: `${h.clientSlug}: "${h.sourceName}" for ${h.month} is held`,
    body: `It was not generated: ${h.reason}. Fix it, then generate ${h.month} again.`,
    link: heldEntryLink(h.clientSlug, h.month, h.runId),
    clientId: h.clientId,
  };
}

export function journalsHooks(ctx: Ctx, nctx?: notifications.NotifyCtx): JournalsHooks {
  return {
    // A payroll register imported is the month's payroll register received (services).
    onPayrollImported: (actor, { clientId, payDates }) =>
      payrollImported(ctx, { firmId: actor.firmId, clientId, payDates }).then(() => undefined),
    onHeld: nctx
      ? async (actor, held) => {
          for (const h of held) {
            const userIds = (await preparersOf(ctx, h.firmId, h.clientId)).filter((id) => id !== actor.id);
            await notifications.notify(nctx, { firmId: h.firmId, userIds, ...heldNotice(h) });
          }
        }
      : undefined,
  };
}
