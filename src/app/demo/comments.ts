// The demo firm's comments: on Bluebird Coffee, Dana (the firm) asks the owner about a transaction
// with an @mention and the owner answers; on the close task, a firm-only note that mentions the
// owner and so warns Dana that the client cannot see it. Written through the comms module as
// those people; runs once (a firm with comments keeps them).
import { systemActor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import * as identity from "../../modules/identity/index.ts";
import * as comms from "../../modules/comms/index.ts";
import * as transactions from "../../modules/transactions/index.ts";
import * as work from "../../modules/work/index.ts";
import { commsCtx } from "../comms.ts";

const CLIENT = "bluebird-coffee";

export async function seedDemoComments(ctx: Ctx, firmId: string): Promise<void> {
  const cctx = commsCtx(ctx);
  const [dana, blake] = await Promise.all(
    ["admin@demo.closebook.local", "owner@bluebird.demo.closebook.local"].map(async (email) => {
      const user = await identity.users.userByEmail(ctx.db, email);
      return user ? identity.actorForUser(ctx.db, user) : null;
    }),
  );
  if (!dana || !blake) return;
  const system = systemActor(firmId);
  const line = (await transactions.listTransactions(ctx, system, CLIENT, { limit: 5 })).transactions.find(
    (t) => t.amount < 0n,
  );
  if (!line) return;
  const object = `transaction:${line.id}`;
  if ((await comms.listComments(cctx, system, CLIENT, object)).length > 0) return;
  await comms.createComment(cctx, dana, CLIENT, {
    object,
    visibility: "client",
    body: `@owner what was this ${line.bankPayee ?? line.description} payment for? A receipt would help us code it.`,
  });
  await comms.createComment(cctx, blake, CLIENT, {
    object,
    visibility: "client",
    body: "Milk and oat milk for the week. I'll upload the receipt tonight.",
  });
  const task = (await work.listTasks(ctx, system, { client: CLIENT, assignee: "any" })).tasks.find((t) =>
    t.title.startsWith("Reconcile"),
  );
  if (task)
    await comms.createComment(cctx, dana, CLIENT, {
      object: `task:${task.id}`,
      visibility: "firm",
      body: "Card statement still missing; @owner said it comes Friday. Clear the stale checks while we wait.",
    });
}
