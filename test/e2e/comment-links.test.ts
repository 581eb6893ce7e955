// Links to commented objects, as notifications make them, open the object with its comments: a
// task in the Work page's drawer, a transaction that is not on the listed tab highlighted above
// the list with its comments drawer, a document in its drawer (comments under its history), a
// journal entry's and a reconciliation's comments drawer. And the comment buttons on those pages.
import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { hasChromium } from "./support/browser.ts";
import { portalSession } from "./support/portal.ts";

const portal = portalSession();

async function firstRow<T>(query: ReturnType<typeof sql<T>>): Promise<T> {
  const { rows } = await query.execute(portal.server.runtime.ctx.db);
  if (!rows[0]) throw new Error("the demo has no such row");
  return rows[0];
}

const bluebird = sql`(select id from clients where slug = 'bluebird-coffee')`;

describe.skipIf(!hasChromium)("links to commented objects", () => {
  it("opens each linked object with its comments", async () => {
    const { page } = portal.t;

    const task = await firstRow(
      sql<{ id: string; title: string }>`select id, title from tasks where client_id = ${bluebird} limit 1`,
    );
    await page.goto(`/c/bluebird-coffee/work?task=${task.id}`);
    await page
      .getByRole("dialog", { name: task.title })
      .getByRole("textbox", { name: "New comment" })
      .waitFor();

    // A processed transaction is not on the default "Needs review" tab: shown on its own.
    const tx = await firstRow(
      sql<{ id: string; description: string }>`select id, description from transactions
        where client_id = ${bluebird} and status = 'processed' order by date desc limit 1`,
    );
    await page.goto(`/c/bluebird-coffee/transactions?transaction=${tx.id}`);
    const comments = page.getByRole("dialog", { name: `Comments: ${tx.description}` });
    await comments.getByRole("textbox", { name: "New comment" }).waitFor();
    await portal.t.shot("comment-links-01-transaction");
    await page.keyboard.press("Escape");
    // The transaction stays shown; the link is dropped from the address.
    await page.getByLabel("Linked transaction").getByRole("row", { name: tx.description }).waitFor();
    expect(new URL(page.url()).search).toBe("");

    const doc = await firstRow(
      sql<{ id: string; name: string }>`select id, name from documents
        where client_id = ${bluebird} and deleted_at is null limit 1`,
    );
    await page.goto(`/c/bluebird-coffee/documents?document=${doc.id}`);
    const drawer = page.getByRole("dialog", { name: doc.name });
    await drawer.getByRole("textbox", { name: "New comment" }).waitFor();
    await drawer.getByRole("textbox", { name: "New comment" }).fill("Is this the whole statement?");
    await drawer.getByRole("button", { name: "Comment", exact: true }).click();
    await drawer.getByText("Is this the whole statement?").waitFor();

    const entry = await firstRow(
      sql<{ id: string; number: string }>`select id, number::text from journal_entries
        where client_id = ${bluebird} and status = 'posted' limit 1`,
    );
    await page.goto(`/c/bluebird-coffee/ledger/entries/${entry.id}?comments=open`);
    await page.getByRole("dialog", { name: `Comments: journal entry ${entry.number}` }).waitFor();

    const rec = await firstRow(
      sql<{ id: string }>`select id from reconciliations where client_id = ${bluebird} limit 1`,
    );
    await page.goto(`/c/bluebird-coffee/reconcile/${rec.id}`);
    await page.getByRole("button", { name: "Comments" }).click();
    const recComments = page.getByRole("dialog", { name: /^Comments: reconcile / });
    await recComments.getByRole("textbox", { name: "New comment" }).waitFor();
    await portal.t.shot("comment-links-02-reconciliation");
    expect(portal.t.errors).toEqual([]);
  });
});
