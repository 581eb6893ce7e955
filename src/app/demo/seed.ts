// Writes the demo firm into a database through the ordinary services (so the demo obeys every
// rule a real firm does). Running it again finds the firm and leaves it as it is.
import { systemActor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import * as access from "../../modules/access/index.ts";
import * as ledger from "../../modules/ledger/index.ts";
import { demoClients } from "./activity.ts";
import { seedDemoTransactions } from "./transactions.ts";

export const DEMO_FIRM = { slug: "demo", name: "Northwind Bookkeeping" };

export interface DemoResult {
  created: boolean;
  firmId: string;
  clients: Array<{ slug: string; name: string; entries: number }>;
}

export async function seedDemo(ctx: Ctx): Promise<DemoResult> {
  const existing = await access.firmBySlug(ctx.db, DEMO_FIRM.slug);
  if (existing) {
    await seedDemoTransactions(ctx, existing.id);
    const clients = await access.listClients(ctx.db, systemActor(existing.id));
    return {
      created: false,
      firmId: existing.id,
      clients: clients.map((c) => ({ slug: c.slug, name: c.name, entries: 0 })),
    };
  }
  const firm = await access.createFirm(ctx.db, DEMO_FIRM);
  const actor = systemActor(firm.id);
  const result: DemoResult = { created: true, firmId: firm.id, clients: [] };
  for (const demo of demoClients(ctx.clock.today())) {
    await access.createClient(ctx.db, actor, { slug: demo.slug, name: demo.name });
    await ledger.applyChartTemplate(ctx, actor, demo.slug);
    const accounts = new Map((await ledger.listAccounts(ctx, actor, demo.slug)).map((a) => [a.number, a.id]));
    const contacts = new Map<string, string>();
    for (const name of demo.vendors)
      contacts.set(name, (await ledger.createContact(ctx, actor, demo.slug, { kind: "vendor", name })).id);
    for (const name of demo.customers)
      contacts.set(name, (await ledger.createContact(ctx, actor, demo.slug, { kind: "customer", name })).id);
    for (const name of demo.classes)
      await ledger.createDimension(ctx, actor, demo.slug, { kind: "class", name });
    const entries: ledger.EntryInput[] = demo.entries.map((e) => ({
      date: e.date,
      description: e.description,
      lines: e.lines.map((l) => ({
        accountId: accounts.get(l.account)!,
        amount: l.amount,
        currency: "USD",
        contactId: l.contact ? contacts.get(l.contact)! : null,
      })),
    }));
    const client = await access.requireClient(ctx.db, actor, demo.slug);
    await inTransaction(ctx.db, (tx) =>
      ledger.postEntries(tx, actor, { firmId: firm.id, clientId: client.id }, entries, "demo", {
        action: "ledger.demo.seeded",
      }),
    );
    result.clients.push({ slug: demo.slug, name: demo.name, entries: entries.length });
  }
  await seedDemoTransactions(ctx, firm.id);
  return result;
}
