// Common test fixtures: a firm, a client with the default chart, and the system actor.
import { systemActor, type Actor } from "../../src/platform/actor.ts";
import type { Ctx } from "../../src/platform/context.ts";
import * as access from "../../src/modules/access/index.ts";
import { applyChartTemplate, listAccounts } from "../../src/modules/ledger/index.ts";

export interface ClientFixture {
  actor: Actor;
  firmId: string;
  clientId: string;
  slug: string;
  /** Account id by number, from the default chart. */
  account: (number: string) => string;
}

export async function clientWithChart(ctx: Ctx, slug = "acme", firmSlug = "firm-a"): Promise<ClientFixture> {
  const firm =
    (await access.firmBySlug(ctx.db, firmSlug)) ??
    (await access.createFirm(ctx.db, { slug: firmSlug, name: `Firm ${firmSlug}` }));
  const actor = systemActor(firm.id);
  const client = await access.createClient(ctx.db, actor, { slug, name: `Client ${slug}` });
  await applyChartTemplate(ctx, actor, slug);
  const accounts = await listAccounts(ctx, actor, slug);
  const byNumber = new Map(accounts.map((a) => [a.number, a.id]));
  return {
    actor,
    firmId: firm.id,
    clientId: client.id,
    slug,
    account: (n) => {
      const id = byNumber.get(n);
      if (!id) throw new Error(`no account ${n} in the default chart`);
      return id;
    },
  };
}
