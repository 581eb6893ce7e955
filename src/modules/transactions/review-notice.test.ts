// The client's default assignee hears when an import leaves transactions waiting for review — once
// per import, with how many and where — and nobody hears of an import that left nothing to review.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { createUser } from "../../../test/support/auth.ts";
import { loadConfig } from "../../platform/config.ts";
import { createDelivery } from "../../platform/delivery/index.ts";
import * as categorize from "../categorize/index.ts";
import * as identity from "../identity/index.ts";
import type { NotifyCtx } from "../notifications/index.ts";
import {
  bookkeepingClient,
  importLines,
  merchantLines,
  type BooksFixture,
} from "../../../test/support/books.ts";
import { reviewWaitingNotice, type IngestResult } from "./index.ts";

const result = (over: Partial<IngestResult>): IngestResult => ({
  created: 3,
  skipped: 0,
  posted: 0,
  processed: 0,
  needsReview: 2,
  held: 1,
  excluded: 0,
  assigneeId: "user-1",
  clientId: "client-1",
  clientSlug: "acme",
  bankAccountName: "Operating Checking",
  ...over,
});

describe("reviewWaitingNotice", () => {
  it("counts needs-review and held lines and links to the client's Transaction Manager", () => {
    expect(reviewWaitingNotice("firm-1", result({}))).toEqual({
      firmId: "firm-1",
      userIds: ["user-1"],
      event: "review.waiting",
      clientId: "client-1",
      title: "3 transactions are waiting for review",
      body: "3 transactions are waiting for review in Operating Checking (acme).",
      link: "/c/acme/transactions",
    });
    expect(reviewWaitingNotice("firm-1", result({ needsReview: 1, held: 0 }))?.title).toBe(
      "1 transaction is waiting for review",
    );
  });

  it("says nothing when nothing waits or nobody is assigned", () => {
    expect(reviewWaitingNotice("firm-1", result({ needsReview: 0, held: 0 }))).toBeNull();
    expect(reviewWaitingNotice("firm-1", result({ assigneeId: null }))).toBeNull();
  });
});

describe("after an import, on a real database", () => {
  let t: TestDb;
  let b: BooksFixture;
  let assignee: identity.User;

  beforeAll(async () => {
    t = await testDb();
    const nctx: NotifyCtx = {
      ...t.ctx,
      delivery: createDelivery(loadConfig({}), t.ctx.db),
      baseUrl: "https://books.example",
      emailsOf: identity.emailsOf,
    };
    b = await bookkeepingClient(t.ctx, "acme", "firm-a", { notify: nctx });
    assignee = await createUser(t, { firmId: b.firmId, role: "partner_ops", clients: "all" });
    await categorize.updateSettings(t.ctx, b.actor, b.slug, { defaultAssigneeId: assignee.id });
  });
  afterAll(async () => {
    await t?.close();
  });

  const bell = async () =>
    (
      await sql<{ event: string; title: string; link: string; client_id: string }>`
        select event, title, link, client_id from notifications where user_id = ${assignee.id}`.execute(
        t.ctx.db,
      )
    ).rows;

  it("tells the default assignee once per import, and not for an import that added nothing", async () => {
    await importLines(b, merchantLines("2026-03-02", 1), "checking", "march.csv");
    expect(await bell()).toEqual([
      {
        event: "review.waiting",
        title: "8 transactions are waiting for review",
        link: "/c/acme/transactions",
        client_id: b.clientId,
      },
    ]);
    await importLines(b, merchantLines("2026-03-02", 1), "checking", "march.csv");
    expect(await bell()).toHaveLength(1);
  });
});
