// Tenant isolation for every Transaction Manager, rules, AI settings and automation route: another
// firm's callers get 404 (or 400) and never our data, and row-level security hides our rows from
// its tenant. Before the tests: the firm-wide model trained, a statement imported, and a rule.
import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { signedIn } from "../../../test/support/auth.ts";
import { runAsTenant } from "../../platform/tenant-scope.ts";
import { importLines, merchantLines } from "../../../test/support/books.ts";
import { admin, app, b, other, t, trainFirm, url, useBooksServer } from "./routes-test-support.ts";

useBooksServer(async () => {
  await trainFirm();
  await importLines(b, merchantLines("2026-04-01", 4));
  const rule = await admin.inject({
    method: "POST",
    url: url("/rules"),
    payload: {
      conditions: [{ field: "description", op: "contains", value: "shell" }],
      actions: { account: b.account("6100") },
    },
  });
  if (rule.statusCode !== 201) throw new Error(`making a rule failed: ${rule.statusCode} ${rule.body}`);
});

describe("tenancy", () => {
  it("never shows one firm's transactions, rules or settings to another (services and row-level security)", async () => {
    const stranger = await signedIn(t, app, { firmId: other.firmId, role: "partner_admin" });
    const some = (await admin.inject(url("/transactions?tab=all"))).json().transactions[0];
    const rule = (await admin.inject(url("/rules"))).json().rules[0];
    const reads = [
      "/transactions",
      `/transactions/${some.id}`,
      "/rules",
      `/rules/${rule.id}`,
      "/ai-settings",
      "/ai-settings/taxonomy",
      "/ai-settings/learning",
      "/automation",
      "/bank-accounts/checking/automation",
    ];
    for (const p of reads) {
      const res = await stranger.inject(url(p));
      expect(res.statusCode, p).toBe(404);
      expect(res.body).not.toContain("SHELL");
    }
    const writes: Array<{ method: "PATCH" | "POST" | "PUT" | "DELETE"; path: string; payload?: object }> = [
      { method: "PATCH", path: `/transactions/${some.id}`, payload: { memo: "x" } },
      { method: "POST", path: `/transactions/${some.id}/review` },
      { method: "POST", path: `/transactions/${some.id}/split`, payload: { by: "percent", parts: [] } },
      { method: "POST", path: `/transactions/${some.id}/rule`, payload: {} },
      { method: "POST", path: "/transactions/bulk", payload: { action: "review", ids: [some.id] } },
      {
        method: "POST",
        path: "/rules",
        payload: {
          conditions: [{ field: "description", op: "contains", value: "x" }],
          actions: { payee: "x" },
        },
      },
      { method: "PATCH", path: `/rules/${rule.id}`, payload: { enabled: false } },
      { method: "DELETE", path: `/rules/${rule.id}` },
      { method: "POST", path: `/rules/${rule.id}/apply` },
      {
        method: "POST",
        path: "/rules/preview",
        payload: {
          conditions: [{ field: "description", op: "contains", value: "x" }],
          actions: { payee: "x" },
        },
      },
      { method: "PATCH", path: "/ai-settings", payload: { lowConfidence: "hold" } },
      { method: "PUT", path: `/ai-settings/taxonomy/${b.account("6100")}`, payload: { category: null } },
      { method: "POST", path: "/ai-settings/train", payload: { scope: "client" } },
      {
        method: "PUT",
        path: "/bank-accounts/checking/automation",
        payload: { mode: "none", startDate: null },
      },
    ];
    for (const w of writes) {
      const res = await stranger.inject({
        method: w.method,
        url: url(w.path),
        ...(w.payload ? { payload: w.payload } : {}),
      });
      expect([400, 404], `${w.method} ${w.path}`).toContain(res.statusCode);
    }
    const theirs = await signedIn(t, app, {
      firmId: other.firmId,
      role: "client_admin",
      clients: [other.clientId],
    });
    expect((await theirs.inject(url("/transactions", other.slug))).statusCode).toBe(200);
    expect((await theirs.inject(url("/transactions"))).statusCode).toBe(404);
    // The database's own wall: as the other firm's tenant, our rows do not exist.
    const tables = [
      "transactions",
      "bank_automation",
      "categorize_rules",
      "ai_settings",
      "account_categories",
      "categorize_state",
      "categorize_memory",
      "categorize_models",
    ];
    const seen = await runAsTenant({ firmId: other.firmId, clientIds: "all" }, async () => {
      const counts: Record<string, number> = {};
      for (const table of tables) {
        const r = await sql<{
          n: bigint;
        }>`select count(*)::int8 as n from ${sql.table(table)} where firm_id = ${b.firmId}::uuid`.execute(
          t.ctx.db,
        );
        counts[table] = Number(r.rows[0]!.n);
      }
      return counts;
    });
    expect(seen).toEqual(Object.fromEntries(tables.map((x) => [x, 0])));
    const mine = await runAsTenant({ firmId: b.firmId, clientIds: [b.clientId] }, async () =>
      Number(
        (await sql<{ n: bigint }>`select count(*)::int8 as n from transactions`.execute(t.ctx.db)).rows[0]!.n,
      ),
    );
    expect(mine).toBeGreaterThan(0);
    // A client-scoped tenant of the same firm sees the firm-wide tallies and model, not another client's rows.
    const scoped = await runAsTenant(
      { firmId: b.firmId, clientIds: ["0190b5d4-0000-7000-8000-000000000000"] },
      async () => ({
        transactions: Number(
          (await sql<{ n: bigint }>`select count(*)::int8 as n from transactions`.execute(t.ctx.db)).rows[0]!
            .n,
        ),
        clientMemory: Number(
          (
            await sql<{
              n: bigint;
            }>`select count(*)::int8 as n from categorize_memory where client_id is not null`.execute(
              t.ctx.db,
            )
          ).rows[0]!.n,
        ),
        firmMemory: Number(
          (
            await sql<{
              n: bigint;
            }>`select count(*)::int8 as n from categorize_memory where client_id is null`.execute(t.ctx.db)
          ).rows[0]!.n,
        ),
        firmModels: Number(
          (
            await sql<{
              n: bigint;
            }>`select count(*)::int8 as n from categorize_models where client_id is null`.execute(t.ctx.db)
          ).rows[0]!.n,
        ),
      }),
    );
    expect(scoped).toMatchObject({ transactions: 0, clientMemory: 0 });
    expect(scoped.firmMemory).toBeGreaterThan(0);
    expect(scoped.firmModels).toBeGreaterThan(0);
  });
});
