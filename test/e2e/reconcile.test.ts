// Bank reconciliation in the browser: the demo client's checking account, reconciled through the
// month before last by the demo, is reconciled for last month end to end — the statement's closing
// balance typed (the bank's CSV states none), the split deposit (one statement line, two customer
// receipts in the books) rejected with r and accepted again with a, the rest of the proposals
// accepted with j/k and a, the missing bank charge created from its statement line through the
// bot's prediction, completion at zero, and the report with its CSV and PDF.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { Download } from "playwright-core";
import { hasChromium } from "./support/browser.ts";
import { portalSession } from "./support/portal.ts";
import { systemActor } from "../../src/platform/actor.ts";
import { endOfMonth } from "../../src/platform/dates.ts";
import { formatMinor } from "../../src/platform/money.ts";
import * as access from "../../src/modules/access/index.ts";
import * as banking from "../../src/modules/banking/index.ts";
import { LAST_MONTH_EXTRAS, monthStart } from "../../src/app/demo/reconciliations.ts";
import { pdfText } from "../support/pdf-text.ts";

const portal = portalSession();
const CLIENT = "bluebird-coffee";

async function downloaded(start: Promise<Download>): Promise<{ name: string; bytes: Buffer }> {
  const d = await start;
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

/** What the paper statement says: the previous closing balance plus last month's bank lines. */
async function statementClosing(previousClosing: string, from: string, to: string): Promise<string> {
  const { ctx } = portal.server.runtime;
  const firm = (await access.firmBySlug(ctx.db, "demo"))!;
  const { lines } = await banking.listBankLines(ctx, systemActor(firm.id), CLIENT, {
    bankAccountRef: "checking",
    from,
    to,
    limit: 5_000,
    offset: 0,
  });
  const [whole, cents = ""] = previousClosing.replace(/,/g, "").split(".");
  const opening = BigInt(`${whole}${cents.padEnd(2, "0")}`);
  return formatMinor(opening + lines.reduce((s, l) => s + l.amount, 0n), 2);
}

describe.skipIf(!hasChromium)("reconciliation", () => {
  const today = new Date().toISOString().slice(0, 10);
  const from = monthStart(today, 1);
  const to = endOfMonth(from);

  it("lists the accounts with their last reconciled month, and starts last month's", async () => {
    const { page } = portal.t;
    await page.goto(`/c/${CLIENT}`);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Reconciliation" })
      .click();
    await page.waitForURL(`**/c/${CLIENT}/reconcile`);
    const table = page.getByRole("table", { name: "Accounts to reconcile" });
    const checking = table.locator('tr[data-account="checking"]');
    const card = table.locator('tr[data-account="card"]');
    await checking.waitFor();
    // The demo reconciled checking through the month before last; the card's last month waits
    // with a difference (a charge still in review).
    const previous = await checking.locator("td").nth(4).innerText();
    expect(previous).toMatch(/^-?[\d,]+\.\d\d$/);
    await expect(card.getByRole("link", { name: /Continue Business Card/ }).count()).resolves.toBe(1);
    expect(await card.locator("td").nth(6).innerText()).not.toMatch(/^0\.00$/);
    await expect(
      page.getByRole("table", { name: "Reconciled periods" }).locator("tbody tr").count(),
    ).resolves.toBe(6);
    await portal.t.shot("reconcile-01-accounts");

    await checking.getByRole("button", { name: "Reconcile Operating Checking" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByLabel("From").inputValue()).resolves.toBe(from);
    await expect(dialog.getByLabel("To").inputValue()).resolves.toBe(to);
    await dialog.getByLabel("Statement closing balance").fill(await statementClosing(previous, from, to));
    await dialog.getByRole("button", { name: "Start" }).click();
    await page.waitForURL(/\/reconcile\/[0-9a-f-]{36}$/);
    await page.getByRole("list", { name: "Statement and ledger lines" }).waitFor();
  });

  it("rejects and accepts the split deposit by keyboard, and accepts the other proposals", async () => {
    const { page } = portal.t;
    const list = page.getByRole("list", { name: "Statement and ledger lines" });
    const difference = page.getByTestId("difference");
    // The match row (once rejected, its statement line also shows on its own below).
    const split = list.locator('[data-kind="match"]').filter({ hasText: LAST_MONTH_EXTRAS.deposit.text });
    // One statement line joined to the two receipts the books recorded.
    await expect(split.locator('[data-side="statement"]').count()).resolves.toBe(1);
    await expect(split.locator('[data-side="ledger"]').count()).resolves.toBe(2);
    for (const r of LAST_MONTH_EXTRAS.receipts) await split.getByText(r.text).waitFor();
    await expect(split.getAttribute("data-kind")).resolves.toBe("match");
    await portal.t.shot("reconcile-02-screen");

    await split.click();
    const before = await difference.innerText();
    await page.keyboard.press("r");
    await expect.poll(() => split.getAttribute("data-status")).toBe("rejected");
    await expect.poll(() => difference.innerText()).not.toBe(before);
    // Keys wait while a decision is being saved: press once the row's buttons are enabled again.
    await expect.poll(() => split.getByRole("button", { name: "Accept" }).isEnabled()).toBe(true);
    await page.keyboard.press("a");
    await expect.poll(() => split.getAttribute("data-status")).toBe("accepted");

    // Every proposal left: first such row, accept — until none is proposed.
    const proposed = list.locator('[role="listitem"][data-kind="match"]:not([data-status="accepted"])');
    for (let guard = 0; guard < 100 && (await proposed.count()) > 0; guard++) {
      const count = await proposed.count();
      await proposed.first().click();
      await page.keyboard.press("a");
      await expect.poll(() => proposed.count()).toBeLessThan(count);
    }
    // j and k move the selection.
    await page.getByText(/^All \(/).click();
    const selected = () => list.locator('[aria-selected="true"]').getAttribute("data-row-index");
    await list.getByRole("listitem").first().click();
    await page.keyboard.press("j");
    await expect.poll(selected).toBe("1");
    await page.keyboard.press("k");
    await expect.poll(selected).toBe("0");
  });

  it("creates the missing bank charge from its statement line through the bot's prediction", async () => {
    const { page } = portal.t;
    const list = page.getByRole("list", { name: "Statement and ledger lines" });
    await page.getByText(/^No match \(/).click();
    const charge = list
      .locator('[data-kind="statement"]')
      .filter({ hasText: LAST_MONTH_EXTRAS.charge.text })
      .filter({ hasText: "-25.00" });
    await expect(charge.getByTestId("prediction").innerText()).resolves.toMatch(/^.*Bot's prediction: 6050/);
    await expect(page.getByRole("button", { name: "Complete reconciliation" }).isDisabled()).resolves.toBe(
      true,
    );
    await portal.t.shot("reconcile-03-missing-entry");
    // Every statement line still without an entry (the charge, and any fresh line in review).
    const missing = list.locator('[data-kind="statement"]');
    for (let guard = 0; guard < 50 && (await missing.count()) > 0; guard++) {
      const count = await missing.count();
      await missing.first().getByRole("button", { name: "Create entry" }).click();
      await expect.poll(() => missing.count()).toBeLessThan(count);
    }
    await page.getByText(/^All \(/).click();
    const created = list.getByRole("listitem").filter({ hasText: LAST_MONTH_EXTRAS.charge.text }).filter({
      hasText: "-25.00",
    });
    await expect(created.getAttribute("data-kind")).resolves.toBe("match");
    await expect.poll(() => page.getByTestId("difference").innerText()).toBe("0.00");
  });

  it("completes at zero and shows the report with its CSV and PDF", async () => {
    const { page } = portal.t;
    await page.getByRole("button", { name: "Complete reconciliation" }).click();
    await page.waitForURL(/\/report$/);
    await expect(page.getByTestId("report-status").innerText()).resolves.toMatch(
      /^Completed by Pat Partner on /,
    );
    const summary = page.getByRole("table", { name: "Reconciliation summary" });
    const difference = summary.getByRole("row").filter({ hasText: "Difference" });
    await expect(difference.locator("td").last().innerText()).resolves.toBe("0.00");
    const closing = await summary
      .getByRole("row")
      .filter({ hasText: "Statement closing balance" })
      .locator("td")
      .last()
      .innerText();
    await portal.t.shot("reconcile-04-report");

    const csv = await downloaded(
      Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV" }).click()]).then(
        ([d]) => d,
      ),
    );
    expect(csv.name).toBe(`reconciliation-checking-${to}.csv`);
    expect(csv.bytes.toString("utf8")).toContain(`Statement closing balance,${closing.replace(/,/g, "")}`);
    expect(csv.bytes.toString("utf8")).toContain("Difference,0.00");
    const pdf = await downloaded(
      Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "PDF" }).click()]).then(
        ([d]) => d,
      ),
    );
    expect(pdf.name).toBe(`reconciliation-checking-${to}.pdf`);
    const text = await pdfText(pdf.bytes);
    const printed = closing.startsWith("-") ? `(${closing.slice(1)})` : closing;
    expect(text).toMatch(new RegExp(`Statement closing balance\\s+${printed.replace(/[.,()]/g, "\\$&")}`));
    expect(text).toMatch(/Difference\s+0\.00/);
    expect(text).toMatch(/Completed by Pat Partner/);
    for (const r of LAST_MONTH_EXTRAS.receipts) expect(text).toContain(r.text);

    // The list now shows last month reconciled.
    await page.getByRole("link", { name: "All accounts" }).first().click();
    const checking = page
      .getByRole("table", { name: "Accounts to reconcile" })
      .locator('tr[data-account="checking"]');
    await expect(checking.locator("td").nth(4).innerText()).resolves.toBe(closing);
  });
});
