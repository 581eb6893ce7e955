// The monthly package end to end on a database (PGlite, and PostgreSQL when DATABASE_URL is set):
// settings, a request queued as a job, the job's progress and result (files, ledger version, the
// draft and review counts), a regeneration as a new version, the PDF's cover, contents and totals,
// the audit trail, roles (client users read only), and bad input that changes nothing.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { clientWithChart, type ClientFixture } from "../../../test/support/fixtures.ts";
import type { Actor } from "../../platform/actor.ts";
import { AppError } from "../../platform/errors.ts";
import * as ledger from "../ledger/index.ts";
import { runPackageJob, type ReviewBacklog } from "./package-job.ts";
import { getPackage, listPackages, packageDownload, PACKAGE_JOB, requestPackage } from "./package-service.ts";
import { getPackageSettings, updatePackageSettings } from "./package-settings-service.ts";
import { pdfPages } from "../../../test/support/pdf-text.ts";

let t: TestDb;
let c: ClientFixture;

async function post(date: string, description: string, lines: Array<[string, bigint]>) {
  await ledger.postEntry(t.ctx, c.actor, c.slug, {
    date,
    description,
    lines: lines.map(([n, amount]) => ({ accountId: c.account(n), amount, currency: "USD" })),
  });
}

const backlog: ReviewBacklog = async () => ({ waiting: 4, oldest: "2026-02-11" });

async function audits(action: string): Promise<number> {
  const r = await sql<{
    n: string;
  }>`select count(*)::text as n from audit_events where action = ${action}`.execute(t.ctx.db);
  return Number(r.rows[0]!.n);
}

const clientAdmin = (): Actor => ({
  type: "user",
  id: "u-client",
  firmId: c.firmId,
  role: "client_admin",
  clients: [c.clientId],
  displayName: "Carla Client",
});

beforeAll(async () => {
  t = await testDb();
  c = await clientWithChart(t.ctx, "pkg-co", "firm-pkg");
  await post("2026-01-02", "Owner invests", [
    ["1010", 1_000_000n],
    ["3000", -1_000_000n],
  ]);
  await post("2026-01-15", "January sales", [
    ["1010", 100_040n],
    ["4000", -100_040n],
  ]);
  await post("2026-02-10", "February sales", [
    ["1010", 250_040n],
    ["4000", -250_040n],
  ]);
  await post("2026-02-12", "More sales", [
    ["1010", 40n],
    ["4000", -40n],
  ]);
  await post("2026-02-28", "Rent", [
    ["6500", 80_000n],
    ["1010", -80_000n],
  ]);
  await ledger.createDraft(t.ctx, c.actor, c.slug, {
    date: "2026-02-20",
    description: "Unfinished accrual",
    lines: [
      { accountId: c.account("6500"), amount: 1_000n, currency: "USD" },
      { accountId: c.account("1010"), amount: -1_000n, currency: "USD" },
    ],
  });
});
afterAll(async () => {
  await t?.close();
});

describe("report package settings", () => {
  it("start at the defaults and change, audited; a client user reads them but may not change them", async () => {
    const before = await getPackageSettings(t.ctx, c.actor, c.slug);
    expect(before).toMatchObject({
      statements: ["balance-sheet", "profit-loss", "cash-flow"],
      trailingTwelve: false,
      rounding: true,
      notes: "",
      lastUpdated: null,
    });
    const after = await updatePackageSettings(t.ctx, c.actor, c.slug, {
      notes: "February: rent paid late.",
      trailingTwelve: true,
    });
    expect(after).toMatchObject({ notes: "February: rent paid late.", trailingTwelve: true });
    expect(after.lastUpdated?.by).toBe("Closebook");
    expect(await audits("reports.package-settings.updated")).toBe(1);
    expect((await getPackageSettings(t.ctx, clientAdmin(), c.slug)).notes).toBe("February: rent paid late.");
    await expect(updatePackageSettings(t.ctx, clientAdmin(), c.slug, { notes: "x" })).rejects.toMatchObject({
      kind: "forbidden",
    });
    await expect(updatePackageSettings(t.ctx, c.actor, c.slug, { statements: [] })).rejects.toMatchObject({
      code: "reports/no-statement",
    });
    expect((await getPackageSettings(t.ctx, c.actor, c.slug)).statements).toHaveLength(3);
  });
});

describe("report packages", () => {
  it("are queued as a job, made with progress, stored with the ledger version and the open drafts", async () => {
    const asked = await requestPackage(t.ctx, c.actor, c.slug, { month: "2026-02" });
    expect(asked).toMatchObject({ month: "2026-02", version: 1, status: "queued", progress: 0 });
    expect(await t.ctx.jobs.pending(PACKAGE_JOB)).toEqual([
      { firmId: c.firmId, clientId: c.clientId, packageId: asked.id },
    ]);
    const seen: number[] = [];
    await runPackageJob(
      t.ctx,
      { firmId: c.firmId, clientId: c.clientId, packageId: asked.id },
      { reviewBacklog: backlog },
      (e) => seen.push(e.done!),
    );
    expect(seen.at(-1)).toBe(100);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const done = await getPackage(t.ctx, c.actor, c.slug, asked.id);
    const version = (await ledger.bookState(t.ctx, c.actor, c.slug, { from: "2026-02-01", to: "2026-02-28" }))
      .version;
    expect(done).toMatchObject({
      status: "done",
      progress: 100,
      version: 1,
      ledgerVersion: String(version),
      unfinished: { drafts: 1, draftsEarlier: 0, bankLinesInReview: 4, oldestInReview: "2026-02-11" },
      options: { trailingTwelve: true, notes: "February: rent paid late." },
      requestedBy: "Closebook",
    });
    expect(done.files.pdf?.filename).toBe("pkg-co-package-2026-02-v1.pdf");

    const pdf = await packageDownload(t.ctx, c.actor, c.slug, asked.id, "pdf");
    expect(pdf.contentType).toBe("application/pdf");
    expect(pdf.bytes.length).toBe(done.files.pdf!.size);
    const pages = await pdfPages(pdf.bytes);
    expect(pages[0]).toContain("Firm firm-pkg");
    expect(pages[0]).toContain("Client pkg-co");
    expect(pages[0]).toContain("February 2026");
    expect(pages[1]).toContain("Contents");
    expect(pages[1]).toMatch(
      /Before you rely on these figures\s+3\s+Balance sheet\s+4\s+Profit and loss\s+5/,
    );
    const all = pages.join("\n");
    expect(all).toContain("1 journal entry dated in February 2026 is still a draft");
    expect(all).toContain("4 bank lines wait for review (the oldest dated 2026-02-11)");
    expect(all).toContain("February: rent paid late.");
    // February: sales 2,500.40 + 0.40 = 2,500.80 → 2,501, whose lines round to 2,500 + 0: a rounding
    // line of 1; rent 800; net income 1,700.80 → 1,701. Year to date 3,501.20 − 800 → 2,701.
    const pl = pages.find((p) => p.startsWith("Profit and loss"))!;
    expect(pl).toMatch(/Net income\s+1,701\s+2,701/);
    // The year to date by month (January 1,000.40 → 1,000), then the trailing twelve months asked for.
    const ytd = pages.find((p) => p.startsWith("Profit and loss by month, year to date"))!;
    expect(ytd).toMatch(/Net income\s+1,000\s+1,701\s+2,701/);
    expect(pages[1]).toMatch(/Profit and loss by month, year to date\s+\d+/);
    expect(pages.some((p) => p.startsWith("Profit and loss by month") && p !== ytd)).toBe(true);
    expect(await audits("reports.package.requested")).toBe(1);
    expect(await audits("reports.package.generated")).toBe(1);

    const xlsx = await packageDownload(t.ctx, c.actor, c.slug, asked.id, "xlsx");
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe("PK");
  });

  it("make a new version on each generation, listed newest first; a client user downloads but may not generate", async () => {
    await post("2026-02-27", "Late sale", [
      ["1010", 10_000n],
      ["4000", -10_000n],
    ]);
    const again = await requestPackage(
      t.ctx,
      c.actor,
      c.slug,
      { month: "2026-02", rounding: false },
      { queue: false },
    );
    expect(again.version).toBe(2);
    await runPackageJob(t.ctx, { firmId: c.firmId, clientId: c.clientId, packageId: again.id });
    const list = await listPackages(t.ctx, clientAdmin(), c.slug, { month: "2026-02" });
    expect(list.map((p) => [p.version, p.status])).toEqual([
      [2, "done"],
      [1, "done"],
    ]);
    expect(BigInt(list[0]!.ledgerVersion!)).toBeGreaterThan(BigInt(list[1]!.ledgerVersion!));
    // Without a review source the count is unknown, not zero.
    expect(list[0]!.unfinished?.bankLinesInReview).toBeNull();
    const pages = await pdfPages(
      (await packageDownload(t.ctx, clientAdmin(), c.slug, again.id, "pdf")).bytes,
    );
    // Rounding off: to the cent.
    expect(pages.join("\n")).toMatch(/Net income\s+1,800\.80/);
    await expect(requestPackage(t.ctx, clientAdmin(), c.slug, { month: "2026-02" })).rejects.toMatchObject({
      kind: "forbidden",
    });
  });

  it("refuse bad input and store nothing", async () => {
    const before = (await listPackages(t.ctx, c.actor, c.slug)).length;
    for (const month of ["2026-13", "2026-2", "March", "2026-02-01", ""]) {
      const error = await requestPackage(t.ctx, c.actor, c.slug, { month }).catch((e: unknown) => e);
      expect(error, month).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("reports/invalid-month");
    }
    await expect(
      requestPackage(t.ctx, c.actor, c.slug, {
        month: "2026-02",
        statements: ["balance-sheet", "trial" as never],
      }),
    ).rejects.toMatchObject({ code: "reports/unknown-statement" });
    expect((await listPackages(t.ctx, c.actor, c.slug)).length).toBe(before);
    await expect(getPackage(t.ctx, c.actor, c.slug, "not-a-uuid")).rejects.toMatchObject({
      kind: "not-found",
    });
  });

  it("will not hand out the files of a package still being made", async () => {
    const queued = await requestPackage(t.ctx, c.actor, c.slug, { month: "2026-01" }, { queue: false });
    await expect(packageDownload(t.ctx, c.actor, c.slug, queued.id, "pdf")).rejects.toMatchObject({
      code: "reports/package-not-ready",
    });
    // A month with no entries at all is a package of empty statements, not an error.
    const empty = await requestPackage(t.ctx, c.actor, c.slug, { month: "2030-06" }, { queue: false });
    await runPackageJob(t.ctx, { firmId: c.firmId, clientId: c.clientId, packageId: empty.id });
    expect((await getPackage(t.ctx, c.actor, c.slug, empty.id)).status).toBe("done");
  });
});
