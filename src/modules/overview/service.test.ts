// The firm overview's figures, computed against a real database: lines waiting for review and the
// oldest, automatic postings of the test clock's month (the boundary both ways), quiet accounts at
// exactly seven days, stuck and broken connections, the last import, and whose clients are counted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { systemActor, type Actor } from "../../platform/actor.ts";
import * as banking from "../banking/index.ts";
import * as transactions from "../transactions/index.ts";
import { firmOverview } from "./service.ts";
import {
  addedOn,
  comcast,
  connectionChangedOn,
  importLines,
  overviewWorld,
  unknown,
  type OverviewWorld,
} from "./overview-test-support.ts";

let w: OverviewWorld;
let dataDir: string;
let requested: string;

beforeAll(async () => {
  w = await overviewWorld("2026-07-01T09:00:00Z");
  // alpha: two COMCAST lines on the last day of June, three on July 1st (AutoPush, processed);
  // four unknown lines from June 10th (low confidence: Needs Review).
  await importLines(w.alpha, [...comcast("2026-06-30", 2), ...comcast("2026-07-01", 3)], "checking", "a.csv");
  await importLines(w.alpha, [...unknown("2026-06-10", 1), ...unknown("2026-06-20", 3)], "checking", "b.csv");
  // alpha's card: last line exactly seven days before July 1st.
  await importLines(w.alpha, comcast("2026-06-24"), "card", "card.csv");
  // beta: one unknown line; its card has no line and was added long ago.
  await importLines(w.beta, unknown("2026-06-28"), "checking", "c.csv");
  await addedOn(w.t, w.beta.card.id, "2026-05-01T00:00:00Z");
  // gamma (another firm): lines the firm must never count.
  await importLines(w.gamma, [...unknown("2026-06-01", 5), ...comcast("2026-07-01", 5)], "checking", "g.csv");
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-overview-"));
  const bctx = banking.bankingCtx(w.t.ctx, { dataDir, settleMs: 0 });
  requested = (
    await banking.requestConnection(bctx, w.beta.actor, "beta", { institutionName: "Harbor Bank" })
  ).id;
});
afterAll(async () => {
  await w?.t.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const firmActor = () => systemActor(w.alpha.firmId);
const row = async (actor: Actor, slug: string) =>
  (await firmOverview(w.t.ctx, actor)).clients.find((c) => c.slug === slug);

describe("firm overview", () => {
  it("counts the lines waiting for review per client and dates the oldest", async () => {
    const o = await firmOverview(w.t.ctx, firmActor());
    expect(o.clients.map((c) => c.slug)).toEqual(["alpha", "beta"]);
    const alpha = o.clients[0]!;
    const tab = await transactions.listTransactions(w.t.ctx, firmActor(), "alpha", { tab: "needs_review" });
    expect(alpha.review.needsReview).toBe(tab.counts.needsReview);
    expect(alpha.review.needsReview).toBe(4);
    expect(alpha.review.oldestWaiting).toBe("2026-06-10");
    expect(o.clients[1]!.review).toMatchObject({ needsReview: 1, oldestWaiting: "2026-06-28" });
  });

  it("a line reviewed leaves the count, and the oldest date moves on", async () => {
    const oldest = (
      await transactions.listTransactions(w.t.ctx, firmActor(), "alpha", {
        tab: "needs_review",
        to: "2026-06-10",
      })
    ).transactions[0]!;
    await transactions.reviewTransactions(w.t.ctx, firmActor(), "alpha", [oldest.id]);
    const alpha = (await row(firmActor(), "alpha"))!;
    expect(alpha.review).toMatchObject({ needsReview: 3, oldestWaiting: "2026-06-20" });
    // Reviewed by a person, it is processed but not "posted automatically".
    expect(alpha.review.autoPosted).toBe(3);
  });

  it("counts the month's automatic postings by the test clock, across the month boundary", async () => {
    const o = await firmOverview(w.t.ctx, firmActor());
    expect(o.month).toEqual({ from: "2026-07-01", to: "2026-07-31" });
    expect(o.clients[0]!.review.autoPosted).toBe(3); // July 1st's three, not June 30th's two
    // The Processed tab, filtered to untouched lines of the month, agrees (the overview's link).
    const tab = await transactions.listTransactions(w.t.ctx, firmActor(), "alpha", {
      tab: "processed",
      untouched: true,
      from: o.month.from,
      to: o.month.to,
    });
    expect(tab.total).toBe(3);
    w.clock.set("2026-06-30T23:59:00Z");
    try {
      const june = await firmOverview(w.t.ctx, firmActor());
      expect(june.month).toEqual({ from: "2026-06-01", to: "2026-06-30" });
      // June 30th's two, and the card line of June 24th.
      expect(june.clients[0]!.review.autoPosted).toBe(3);
      expect(june.clients[1]!.review.autoPosted).toBe(0);
    } finally {
      w.clock.set("2026-07-01T09:00:00Z");
    }
  });

  it("an account is quiet from the seventh day without a line; a new empty account gets its week", async () => {
    const o = await firmOverview(w.t.ctx, firmActor());
    expect(o.staleDays).toBe(7);
    const [alpha, beta] = o.clients;
    expect(alpha!.bank.accounts).toBe(2);
    expect(alpha!.bank.quiet).toEqual([
      { id: w.alpha.card.id, name: "Business Card", shortName: "card", lastLineDate: "2026-06-24" },
    ]);
    expect(beta!.bank.quiet.map((a) => [a.shortName, a.lastLineDate])).toEqual([["card", null]]);
    w.clock.set("2026-06-30T12:00:00Z"); // six days after June 24th
    try {
      expect((await row(firmActor(), "alpha"))!.bank.quiet).toEqual([]);
    } finally {
      w.clock.set("2026-07-01T09:00:00Z");
    }
    await addedOn(w.t, w.beta.card.id, "2026-06-28T00:00:00Z");
    try {
      expect((await row(firmActor(), "beta"))!.bank.quiet).toEqual([]);
    } finally {
      await addedOn(w.t, w.beta.card.id, "2026-05-01T00:00:00Z");
    }
  });

  it("a connection requested for days needs attention, a fresh request does not", async () => {
    await connectionChangedOn(w.t, requested, "2026-06-29T09:00:00Z");
    expect((await row(firmActor(), "beta"))!.bank.connections).toEqual([]);
    await connectionChangedOn(w.t, requested, "2026-06-28T09:00:00Z");
    expect((await row(firmActor(), "beta"))!.bank.connections).toEqual([
      {
        id: requested,
        institution: "Harbor Bank",
        trouble: "requested",
        since: new Date("2026-06-28T09:00:00Z"),
      },
    ]);
  });

  it("tells the last import: when and into which account", async () => {
    const [alpha, beta] = (await firmOverview(w.t.ctx, firmActor())).clients;
    const imports = await banking.listImports(w.t.ctx, firmActor(), "alpha", { limit: 50 });
    const newest = [...imports].sort((a, b) => +b.created_at - +a.created_at)[0]!;
    expect(alpha!.bank.lastImport).toMatchObject({
      bankAccountId: w.alpha.card.id,
      bankAccountName: "Business Card",
      newLines: 1,
    });
    expect(alpha!.bank.lastImport!.at).toEqual(newest.created_at);
    expect(beta!.bank.lastImport).toMatchObject({ bankAccountName: "Operating Checking", newLines: 1 });
  });

  it("counts only the clients the actor may reach", async () => {
    const onlyBeta: Actor = {
      ...firmActor(),
      type: "user",
      id: "u1",
      role: "client_admin",
      clients: [w.beta.clientId],
    };
    const o = await firmOverview(w.t.ctx, onlyBeta);
    expect(o.clients.map((c) => c.slug)).toEqual(["beta"]);
    // A list naming a client of another firm counts nothing of it.
    const crossed: Actor = { ...onlyBeta, role: "partner_ops", clients: [w.beta.clientId, w.gamma.clientId] };
    expect((await firmOverview(w.t.ctx, crossed)).clients.map((c) => c.slug)).toEqual(["beta"]);
    const figures = await transactions.reviewFigures(
      w.t.ctx.db,
      crossed,
      [w.beta.clientId, w.gamma.clientId],
      {
        from: "2026-07-01",
        to: "2026-07-31",
      },
    );
    expect([...figures.keys()]).toEqual([w.beta.clientId, w.gamma.clientId]);
    expect(figures.get(w.gamma.clientId)).toEqual({ needsReview: 0, oldestWaiting: null, autoPosted: 0 });
    // And the other firm sees its own client only.
    const other = await firmOverview(w.t.ctx, systemActor(w.gamma.firmId));
    expect(other.clients.map((c) => [c.slug, c.review.needsReview, c.review.autoPosted])).toEqual([
      ["gamma", 5, 5],
    ]);
  });

  it("a terminated client leaves the overview", async () => {
    const { terminateClient } = await import("../access/index.ts");
    await terminateClient(w.t.ctx, firmActor(), "beta", {});
    expect((await firmOverview(w.t.ctx, firmActor())).clients.map((c) => c.slug)).toEqual(["alpha"]);
  });
});
