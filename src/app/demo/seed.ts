// Writes the demo firm into a database through the ordinary services (so the demo obeys every
// rule a real firm does): its clients, charts and contacts, the opening balances and month-end
// entries of two years of books, the bank and card history and fresh weeks (transactions.ts), and
// the firm's work: tasks, a monthly close project from a template (work.ts), the bank
// reconciliations (reconciliations.ts), the monthly report package of the last closed month
// (package.ts), and the month end: a depreciation schedule, a closed month and one in progress
// (month-end.ts).
// Running it again finds the firm and leaves it as it is.
import { systemActor, type Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import * as access from "../../modules/access/index.ts";
import * as ledger from "../../modules/ledger/index.ts";
import * as identity from "../../modules/identity/index.ts";
import { demoClients, type DemoBankLine, type DemoEntry } from "./activity.ts";
import { freshFrom, seedDemoTransactions, takeoverFrom } from "./transactions.ts";
import { seedDemoDocuments } from "./documents.ts";
import type { DocumentsCtx } from "../../modules/documents/index.ts";
import { seedDemoPackage } from "./package.ts";
import { seedDemoWork } from "./work.ts";
import { seedDemoReconciliations } from "./reconciliations.ts";
import { seedDemoReceipt } from "./receipts.ts";
import { seedDemoStatementRequests } from "./statement-requests.ts";
import { seedDemoVault } from "./vault.ts";
import type { VaultCtx } from "../../modules/vault/index.ts";
import { seedDemoComments } from "./comments.ts";
import { seedDemoClose, seedDemoPayroll, seedDemoSchedules } from "./month-end.ts";

export const DEMO_FIRM = { slug: "demo", name: "Northwind Bookkeeping" };

/**
 * The demo's people. Their second factor is a code by e-mail: with no mail server configured the
 * code screen shows it ("Show my code", trial mode), so a first sign-in needs nothing else.
 */
export const DEMO_USERS = [
  {
    email: "admin@demo.closebook.local",
    name: "Dana Admin",
    role: "partner_admin",
    client: null,
    password: "closebook-demo",
  },
  {
    email: "owner@bluebird.demo.closebook.local",
    name: "Blake Bluebird",
    role: "client_admin",
    client: "bluebird-coffee",
    password: "closebook-demo",
  },
] as const;

export interface DemoResult {
  created: boolean;
  firmId: string;
  clients: Array<{ slug: string; name: string; entries: number }>;
  users: Array<{ email: string; role: string; password: string }>;
}

/** Creates the demo's people that are missing (also in a demo firm made before sign-in existed). */
async function seedUsers(ctx: Ctx, firmId: string): Promise<DemoResult["users"]> {
  const actor = systemActor(firmId);
  for (const u of DEMO_USERS) {
    if (await identity.users.userByEmail(ctx.db, u.email)) continue;
    const client = u.client
      ? await access.requireClient(ctx.db, actor, u.client).catch(() => undefined)
      : undefined;
    if (u.client && !client) continue;
    await identity.createActiveUser(ctx.db, actor, {
      email: u.email,
      name: u.name,
      role: u.role,
      clientAccess: client ? { mode: "list", clientIds: [client.id] } : { mode: "all", clientIds: [] },
      password: u.password,
      twoFactor: "email",
    });
  }
  return DEMO_USERS.map((u) => ({ email: u.email, role: u.role, password: u.password }));
}

/** A statement line as the old books recorded it: the bank side and the account it was coded to. */
function entryOf(l: DemoBankLine): DemoEntry {
  return {
    date: l.date,
    description: l.text,
    lines: [
      { account: l.bank, amount: l.amount, contact: l.contact },
      { account: l.account, amount: -l.amount, contact: l.contact },
    ],
  };
}

/** The demo's Partner Admin as an actor: the person the portal names for the firm's own work. */
async function demoAdmin(ctx: Ctx, firmId: string): Promise<Actor> {
  const user = await identity.users.userByEmail(ctx.db, DEMO_USERS[0].email);
  const actor = user ? await identity.actorForUser(ctx.db, user) : null;
  return actor ?? systemActor(firmId);
}

/** Done by the Partner Admin: the bank reconciliations, then JE Automation's schedule and payroll. */
async function monthEndWorkAsAdmin(ctx: Ctx, firmId: string): Promise<void> {
  const admin = await demoAdmin(ctx, firmId);
  await seedDemoReconciliations(ctx, admin);
  await seedDemoSchedules(ctx, admin);
  await seedDemoPayroll(ctx, admin);
}

/**
 * `documents`: where the demo's statement files go (none are made without it); `vault`: the
 * Password Manager with its master key (no logins are made without it).
 */
export async function seedDemo(ctx: Ctx, documents?: DocumentsCtx, vault?: VaultCtx): Promise<DemoResult> {
  const existing = await access.firmBySlug(ctx.db, DEMO_FIRM.slug);
  if (existing) {
    await seedDemoTransactions(ctx, existing.id);
    // A demo made before documents existed gets its folders and statements now.
    if (documents) await seedDemoDocuments(documents, existing.id, demoClients(freshFrom(ctx.clock.today())));
    if (documents) await seedDemoReceipt(documents, existing.id);
    await seedDemoPackage(ctx, existing.id);
    const clients = await access.listClients(ctx.db, systemActor(existing.id));
    const users = await seedUsers(ctx, existing.id);
    await seedDemoWork(ctx, existing.id);
    await monthEndWorkAsAdmin(ctx, existing.id);
    if (documents) await seedDemoStatementRequests(ctx, documents, existing.id);
    if (vault) await seedDemoVault(vault, existing.id);
    await seedDemoClose(ctx, await demoAdmin(ctx, existing.id));
    return {
      created: false,
      firmId: existing.id,
      clients: clients.map((c) => ({ slug: c.slug, name: c.name, entries: 0 })),
      users,
    };
  }
  const firm = await access.createFirm(ctx.db, DEMO_FIRM);
  const actor = systemActor(firm.id);
  const result: DemoResult = { created: true, firmId: firm.id, clients: [], users: [] };
  const books = demoClients(freshFrom(ctx.clock.today()));
  for (const demo of books) {
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
    // The books the firm takes over: opening balances, the bank and card lines before the takeover
    // and the month-end entries. Later lines are coded in the Transaction Manager (transactions.ts).
    const takeover = takeoverFrom(ctx.clock.today());
    const old = demo.bankLines.filter((l) => l.date < takeover);
    const entries: ledger.EntryInput[] = [demo.opening, ...old.map(entryOf), ...demo.monthEnd].map((e) => ({
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
    result.clients.push({
      slug: demo.slug,
      name: demo.name,
      entries: entries.length + demo.bankLines.length,
    });
  }
  result.users = await seedUsers(ctx, firm.id);
  await seedDemoTransactions(ctx, firm.id, books);
  if (documents) await seedDemoDocuments(documents, firm.id, books);
  if (documents) await seedDemoReceipt(documents, firm.id);
  await seedDemoWork(ctx, firm.id);
  await monthEndWorkAsAdmin(ctx, firm.id);
  if (documents) await seedDemoStatementRequests(ctx, documents, firm.id);
  if (vault) await seedDemoVault(vault, firm.id);
  await seedDemoComments(ctx, firm.id);
  // Last, once the month's transactions are in: the package of the last closed month, then the
  // Close Tracker's closed month (which makes that month's package) and the month in progress.
  await seedDemoPackage(ctx, firm.id);
  await seedDemoClose(ctx, await demoAdmin(ctx, firm.id));
  return result;
}
