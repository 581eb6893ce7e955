// The Reports page in the browser: the demo client's profit and loss for last year by month with
// its chart, a section folded and unfolded, a figure drilled into its general-ledger lines (whose
// credits less debits make that figure), the CSV and PDF downloads (the PDF read back with pdfjs
// for the net income shown on screen), and the report package page: generating a version, and
// changing the package's settings and notes so the next version carries them.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { Download } from "playwright-core";
import { hasChromium } from "./support/browser.ts";
import { portalSession } from "./support/portal.ts";
import { pdfText } from "../support/pdf-text.ts";

const portal = portalSession();
const CLIENT = "bluebird-coffee";

/** "12,345.60" → 1234560 (cents), "-5.00" → -500. */
const cents = (text: string) => Math.round(Number(text.replace(/,/g, "").trim()) * 100);

/** The text of a PDF, its items joined by spaces. */

async function downloaded(start: Promise<Download>): Promise<{ name: string; bytes: Buffer }> {
  const d = await start;
  const file = await d.path();
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(file) };
}

/** How the PDF exports print an amount: grouped, negatives in parentheses. */
const printed = (screen: string) => (screen.startsWith("-") ? `(${screen.slice(1)})` : screen);

describe.skipIf(!hasChromium)("reports page", () => {
  let netIncomeTotal = "";

  it("shows last year's profit and loss by month with its chart", async () => {
    const { page } = portal.t;
    await page.goto(`/c/${CLIENT}`);
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Financial statements" }).click();
    await page.waitForURL(`**/c/${CLIENT}/reports**`);
    await page.getByRole("combobox", { name: "Period" }).click();
    const started = Date.now();
    const answer = page.waitForResponse((r) => r.url().includes("/reports/profit-loss?"));
    await page.getByRole("option", { name: "Last year" }).click();
    const year = new Date().getUTCFullYear() - 1;
    const table = page.getByRole("table", { name: "Profit and loss" });
    await table.getByRole("columnheader", { name: `Dec ${year}` }).waitFor();
    // How long a year by month takes to show (the request, and the click to the drawn table).
    const timing = (await answer).request().timing();
    console.log(
      JSON.stringify({
        profitLossByMonth: {
          requestMs: Math.round(timing.responseEnd - timing.requestStart),
          clickToAnswerMs: Math.round(timing.startTime + timing.responseEnd - started),
          clickToTableMs: Date.now() - started,
        },
      }),
    );
    const headers = await table.locator("thead th").allTextContents();
    expect(headers).toEqual(["Account", ...monthsOf(year), "Total"]);
    await page.getByRole("img", { name: /Profit and loss chart/ }).waitFor();
    await expect(
      page
        .getByRole("img", { name: /Profit and loss chart/ })
        .locator("rect")
        .count(),
    ).resolves.toBe(24);
    // Net income = total income − total expenses, per column, as shown.
    const net = await table.locator("tfoot tr", { hasText: "Net income" }).locator("th").allTextContents();
    expect(net).toHaveLength(14);
    netIncomeTotal = net[13]!;
    expect(netIncomeTotal).toMatch(/^-?\d{1,3}(,\d{3})*\.\d{2}$/);
    const sectionTotals = await table.locator("tbody tr", { hasText: /^Total / }).evaluateAll((rows) =>
      rows.map((r) => ({
        name: r.querySelector("th")!.textContent!,
        total: r.lastElementChild!.textContent!,
      })),
    );
    const income = sectionTotals.filter((s) => /income/i.test(s.name));
    const expenses = sectionTotals.filter((s) => !/income/i.test(s.name));
    const sum = (list: typeof sectionTotals) => list.reduce((t, s) => t + cents(s.total), 0);
    expect(sum(income) - sum(expenses)).toBe(cents(netIncomeTotal));
    // Amounts are right-aligned.
    const align = await table
      .locator("tfoot th")
      .last()
      .evaluate((el) => getComputedStyle(el).textAlign);
    expect(align).toBe("right");
    await portal.t.shot("reports-01-profit-loss-by-month");
  });

  it("folds a section and its parents, and unfolds them all", async () => {
    const { page } = portal.t;
    const table = page.getByRole("table", { name: "Profit and loss" });
    const expenses = table.getByRole("rowgroup", { name: "Expenses", exact: true });
    const open = await expenses.getByRole("row").count();
    expect(open).toBeGreaterThan(3);
    await expenses.getByRole("button", { name: "Collapse Expenses" }).click();
    await expect.poll(() => expenses.getByRole("row").count()).toBe(1);
    // Folded, the section's header row carries its total.
    await expect(expenses.getByRole("row").locator("th").last().textContent()).resolves.toMatch(/\d/);
    await portal.t.shot("reports-02-expenses-collapsed");
    await expenses.getByRole("button", { name: "Expand Expenses" }).click();
    await expect.poll(() => expenses.getByRole("row").count()).toBe(open);
    await page.getByRole("button", { name: "Collapse all" }).click();
    await expect.poll(() => table.locator("tbody tr").count()).toBe(await table.locator("tbody").count());
    await page.getByRole("button", { name: "Expand all" }).click();
    await expect.poll(() => expenses.getByRole("row").count()).toBe(open);
  });

  it("drills from an income figure to the ledger lines that make it", async () => {
    const { page } = portal.t;
    const year = new Date().getUTCFullYear() - 1;
    const table = page.getByRole("table", { name: "Profit and loss" });
    const income = table.getByRole("rowgroup", { name: "Income", exact: true });
    // A leaf account (no fold button in its row), in March.
    const march = page.getByRole("button", { name: new RegExp(`, Mar ${year}: `) });
    const row = income
      .getByRole("row")
      .filter({ has: march, hasNot: page.getByRole("button", { name: /^Collapse / }) })
      .first();
    const figure = row.getByRole("button", { name: new RegExp(`, Mar ${year}: `) });
    const shown = (await figure.textContent())!;
    await figure.click();
    const drawer = page.getByRole("dialog");
    await drawer.getByRole("table").first().waitFor();
    const lines = drawer.getByRole("table").first();
    await expect(lines.locator("tbody tr").count()).resolves.toBeGreaterThan(0);
    const [debits, credits] = (await lines.locator("tfoot th").allTextContents()).slice(1);
    // Income is shown positive: its credits less its debits in the month make the figure.
    expect(cents(credits!) - cents(debits! || "0")).toBe(cents(shown));
    for (const date of await lines.locator("tbody tr td:first-child").allTextContents())
      expect(date).toMatch(new RegExp(`^Mar \\d+, ${year}$`));
    await portal.t.shot("reports-03-drill-drawer");
    await drawer.getByRole("link", { name: "Open in the general ledger" }).click();
    await page.waitForURL("**/ledger/general-ledger?**");
    await expect(page.getByRole("textbox", { name: "From", exact: true }).inputValue()).resolves.toBe(
      `${year}-03-01`,
    );
    await page.getByRole("region").first().waitFor();
    await expect(page.getByRole("region").count()).resolves.toBe(1);
    await portal.t.shot("reports-04-general-ledger-from-report");
    await page.goBack();
    await table.getByRole("columnheader", { name: `Dec ${year}` }).waitFor();
  });

  it("downloads the report as CSV and as a PDF that prints the same net income", async () => {
    const { page } = portal.t;
    const csv = await downloaded(
      Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Download CSV" }).click(),
      ]).then(([d]) => d),
    );
    expect(csv.name).toMatch(/\.csv$/);
    const text = csv.bytes.toString("utf8");
    expect(text).toMatch(/Net income/);
    expect(text).toContain(netIncomeTotal.replace(/,/g, ""));
    const pdf = await downloaded(
      Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Download PDF" }).click(),
      ]).then(([d]) => d),
    );
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const printedText = await pdfText(pdf.bytes);
    expect(printedText).toContain("Net income");
    expect(printedText).toContain(printed(netIncomeTotal));
  });

  it("compares the year with the prior year: amount, change and percent", async () => {
    const { page } = portal.t;
    const year = new Date().getUTCFullYear() - 1;
    await page.getByRole("combobox", { name: "Columns" }).click();
    await page.getByRole("option", { name: "Total only" }).click();
    await page.getByRole("combobox", { name: "Compare with" }).click();
    await page.getByRole("option", { name: "Prior year", exact: true }).click();
    const table = page.getByRole("table", { name: "Profit and loss" });
    await table.getByRole("columnheader", { name: "Change from prior year (%)" }).waitFor();
    await expect(table.locator("thead th").allTextContents()).resolves.toEqual([
      "Account",
      `Jan ${year} – Dec ${year}`,
      `Prior year (Jan ${year - 1} – Dec ${year - 1})`,
      "Change from prior year",
      "Change from prior year (%)",
    ]);
    const net = await table.locator("tfoot tr", { hasText: "Net income" }).locator("th").allTextContents();
    expect(cents(net[1]!) - cents(net[2]!)).toBe(cents(net[3]!));
    expect(net[4]).toMatch(/^(-?\d+(\.\d+)?%|—)$/);
    // The chart is for months: with one column it is not drawn.
    await expect(page.getByRole("img", { name: /Profit and loss chart/ }).count()).resolves.toBe(0);
    await portal.t.shot("reports-05-prior-year-comparison");
  });

  it("switches to the balance sheet and the cash flows, one request each", async () => {
    const { page } = portal.t;
    const requests: string[] = [];
    const listen = (r: { url(): string }) => {
      if (r.url().includes("/reports/")) requests.push(r.url());
    };
    page.on("request", listen);
    await page.locator("label", { hasText: /^Balance sheet$/ }).click();
    const bs = page.getByRole("table", { name: "Balance sheet" });
    await bs.locator("tfoot tr", { hasText: "Total assets" }).waitFor();
    const totals = async (label: string) => {
      const row = bs
        .locator("tfoot tr")
        .filter({ has: page.locator("th", { hasText: new RegExp(`^${label}$`) }) });
      return cents((await row.locator("th").last().textContent())!);
    };
    const assets = await totals("Total assets");
    expect(assets).toBe((await totals("Total liabilities")) + (await totals("Total equity")));
    expect(assets).toBe(await totals("Total liabilities and equity"));
    await portal.t.shot("reports-06-balance-sheet");
    await page.locator("label", { hasText: /^Cash flows$/ }).click();
    await page
      .getByRole("table", { name: "Cash flows" })
      .locator("tfoot tr", { hasText: "Net change in cash" })
      .waitFor();
    page.off("request", listen);
    expect(requests).toHaveLength(2);
    expect(portal.t.errors).toEqual([]);
  });

  it("links the page's ? to the help on using it", async () => {
    const { page } = portal.t;
    await page.getByRole("link", { name: "Help: Reports" }).click();
    await page.waitForURL("**/help/reports#using-the-reports-page");
    await page.getByRole("heading", { name: "Using the Reports page", level: 2 }).waitFor();
  });

  it("generates the month's report package and reads its PDF", async () => {
    const { page } = portal.t;
    await page.goto(`/c/${CLIENT}/reports/package`);
    const month = await page.getByRole("combobox", { name: "Month" }).inputValue();
    await page.getByRole("button", { name: "Generate package" }).click();
    await page.getByText(/Version \d+ of .* is ready\./).waitFor({ timeout: 60_000 });
    await portal.t.shot("reports-10-package-generated");
    const versions = page.getByRole("table", { name: "Package versions" });
    // Who made it and when are filled in (the routes' field names once differed from the page's).
    const newest = versions.getByRole("row").nth(1).getByRole("cell");
    await expect(newest.nth(3).textContent()).resolves.toMatch(/\S/);
    await expect(newest.nth(4).textContent()).resolves.toMatch(/\d/);
    const link = versions.getByRole("link", { name: new RegExp(`^PDF of ${month} version`) }).first();
    const pdf = await downloaded(Promise.all([page.waitForEvent("download"), link.click()]).then(([d]) => d));
    const text = await pdfText(pdf.bytes);
    expect(text).toContain("Bluebird Coffee Roasters");
    expect(text).toMatch(/Contents/i);
    // The month's net income, rounded to whole dollars as the package prints it.
    const [y, m] = isoMonth(month);
    const to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    const pl = (await (
      await page.request.get(`/api/clients/${CLIENT}/reports/profit-loss?from=${to.slice(0, 8)}01&to=${to}`)
    ).json()) as { netIncome: string[] };
    const whole = Math.round(Number(pl.netIncome[0]));
    const grouped = Math.abs(whole).toLocaleString("en-US");
    expect(text).toMatch(new RegExp(`(\\(${grouped}\\)|-${grouped}|${grouped})`));
  });

  it("changes the package's statements and notes; the next version generated carries them", async () => {
    const { page } = portal.t;
    await page.goto(`/c/${CLIENT}/reports/package`);
    const form = page.getByRole("form", { name: "Package settings" });
    const cashFlows = form.getByRole("checkbox", { name: /Statement of cash flows/ });
    await cashFlows.waitFor();
    // Unticking every statement is refused, and the refusal shows under the statements.
    for (const name of [/Balance sheet/, /Profit and loss/, /Statement of cash flows/]) {
      const box = form.getByRole("checkbox", { name });
      if (await box.isChecked()) await box.uncheck();
    }
    await form.getByRole("button", { name: "Save settings" }).click();
    await form.getByText("A package holds at least one statement").waitFor();
    await portal.t.shot("reports-11-package-settings-refused");
    for (const name of [/Balance sheet/, /Profit and loss/])
      await form.getByRole("checkbox", { name }).check();
    const note = `Rent rose in the month: the landlord's new lease (${Date.now()}).`;
    await form.getByRole("textbox", { name: "Notes" }).fill(note);
    await form.getByRole("button", { name: "Save settings" }).click();
    await form.getByRole("status").getByText("Saved").waitFor();
    // Stored: read back after a reload.
    await page.reload();
    await expect(form.getByRole("textbox", { name: "Notes" }).inputValue()).resolves.toBe(note);
    await expect(form.getByRole("checkbox", { name: /Statement of cash flows/ }).isChecked()).resolves.toBe(
      false,
    );
    await portal.t.shot("reports-12-package-settings-saved");

    const month = await page.getByRole("combobox", { name: "Month" }).inputValue();
    await page.getByRole("button", { name: "Generate package" }).click();
    const ready = await page.getByText(/Version (\d+) of .* is ready\./).textContent({ timeout: 60_000 });
    const version = /Version (\d+)/.exec(ready ?? "")![1];
    const link = page
      .getByRole("table", { name: "Package versions" })
      .getByRole("link", { name: new RegExp(`^PDF of ${month} version ${version}\\b`) })
      .first();
    const pdf = await downloaded(Promise.all([page.waitForEvent("download"), link.click()]).then(([d]) => d));
    const text = await pdfText(pdf.bytes);
    expect(text).toContain(note);
    expect(text).toContain("Balance sheet");
    expect(text).not.toContain("Statement of cash flows");
  });
});

function monthsOf(year: number): string[] {
  return ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map(
    (m) => `${m} ${year}`,
  );
}

/** "November 2026" (the month picker's label) → [2026, 11]. */
function isoMonth(label: string): [number, number] {
  const d = new Date(`1 ${label} UTC`);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1];
}
