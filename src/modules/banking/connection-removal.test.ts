// Removing a connection (the owner or a Partner Admin only; accounts stay, detached; requests are
// cancelled) and who sees bank data.
import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { getBankAccount, updateBankAccount, createBankAccount } from "./account-service.ts";
import {
  addConnection,
  getConnection,
  listConnections,
  removeConnection,
  requestConnection,
} from "./connection-service.ts";
import { newLedgerBankAccount } from "../../../test/support/bank-fixtures.ts";
import { person } from "./test-people.ts";
import { clientWithChart } from "../../../test/support/fixtures.ts";
import { bankOverview } from "./account-service.ts";
import { b, c, errorOf, requestsOf, t, useConnectionDb } from "./connection-test-support.ts";

useConnectionDb();

describe("removing a connection", () => {
  it("is for the owner or a Partner Admin only; the accounts stay, detached, and the requests are cancelled", async () => {
    const owner = await person(t.ctx, c, "client_ops", "Rita Remover");
    const ops = await person(t.ctx, c, "partner_ops", "Paul Ops");
    const admin = await person(t.ctx, c, "partner_admin", "Ada Admin");
    const ledgerAccountId = await newLedgerBankAccount(t.ctx, c, "Removal Checking");
    const account = await createBankAccount(t.ctx, c.actor, c.slug, {
      name: "Removal Checking",
      kind: "bank",
      ledgerAccountId,
    });
    const conn = await addConnection(b, owner.actor, c.slug, {
      institutionName: "Removal Bank",
      provider: "file-drop",
      bankAccountIds: [account.id],
    });
    expect((await getConnection(b, ops.actor, c.slug, conn.id)).canRemove).toBe(false);
    const refused = await errorOf(removeConnection(b, ops.actor, c.slug, conn.id));
    expect(refused).toMatchObject({ code: "banking/cannot-remove-connection", status: 403 });
    expect(refused.detail).toContain("Rita Remover");
    await removeConnection(b, owner.actor, c.slug, conn.id);
    expect((await listConnections(b, c.actor, c.slug)).map((x) => x.id)).not.toContain(conn.id);
    expect((await getBankAccount(t.ctx, c.actor, c.slug, account.id)).connectionId).toBeNull();
    expect((await errorOf(getConnection(b, c.actor, c.slug, conn.id))).status).toBe(404);
    // A Partner Admin removes someone else's, and the open request is cancelled.
    const requested = await requestConnection(b, owner.actor, c.slug, { institutionName: "Removal Bank" });
    await removeConnection(b, admin.actor, c.slug, requested.id);
    expect(await requestsOf(requested.id)).toEqual([
      { kind: "connect", status: "cancelled", assignee_id: null },
    ]);
    const events = await sql<{
      event: string;
    }>`select event from connection_events where connection_id = ${requested.id} order by id`.execute(
      t.ctx.db,
    );
    expect(events.rows.map((e) => e.event)).toEqual(["requested", "removed"]);
    await expect(
      sql`update connection_events set reason = 'x' where connection_id = ${requested.id}`.execute(t.ctx.db),
    ).rejects.toThrow(/append-only/);
    await updateBankAccount(t.ctx, c.actor, c.slug, account.id, { isActive: false });
  });
});

describe("who sees bank data", () => {
  it("lets every role read, and refuses a client user of another client", async () => {
    const reader = await person(t.ctx, c, "client_self_service", "Sam Self");
    expect((await bankOverview(t.ctx, reader.actor, c.slug)).bankAccounts.length).toBeGreaterThan(1);
    const stranger = await clientWithChart(t.ctx, "reader-other-co", "firm-conn");
    const outsider = await person(t.ctx, stranger, "client_admin", "Olly Outsider");
    expect((await errorOf(bankOverview(t.ctx, outsider.actor, c.slug))).status).toBe(404);
  });
});
