// Closing the demo client's month in the browser, from its blockers to a locked period and a
// delivered package: the Close Tracker's board opens last month (in progress, with live blockers);
// JE Automation's batch for the month is generated, approved and posted from the blocker's link,
// which clears that blocker; a required information item is ticked; the month is closed with an
// override reason for what still blocks; the ledger then refuses an entry dated in the month, and
// the report package reaches the client's owner by e-mail.
import { describe, expect, it } from "vitest";
import { hasChromium } from "./support/browser.ts";
import { portalSession } from "./support/portal.ts";
import { systemActor } from "../../src/platform/actor.ts";
import { monthName } from "../../src/platform/dates.ts";
import * as access from "../../src/modules/access/index.ts";
import * as ledger from "../../src/modules/ledger/index.ts";
import { DEMO_MONTH_END_CLIENT } from "../../src/app/demo/month-end.ts";
import { monthStart } from "../../src/app/demo/reconciliations.ts";

const portal = portalSession();
const CLIENT = DEMO_MONTH_END_CLIENT;
const OWNER = "owner@bluebird.demo.closebook.local";
const REASON = "Owner reviewed the open lines with us; they move to next month's review.";

/** Last month, the demo's open month ("YYYY-MM"). */
const openMonth = () => monthStart(portal.server.runtime.ctx.clock.today(), 1).slice(0, 7);

describe.skipIf(!hasChromium)("closing a month", () => {
  it("opens last month from the board, with its live blockers", async () => {
    const { page } = portal.t;
    const month = openMonth();
    await page.goto("/close");
    const cell = page.getByRole("table", { name: "Close board" }).getByLabel(`${CLIENT} ${month}`);
    await expect(cell.textContent()).resolves.toContain("In progress");
    await cell.getByRole("link").click();
    await page.waitForURL(`**/c/${CLIENT}/close/${month}`);
    await page.getByRole("heading", { name: `Close ${month}` }).waitFor();
    const blockers = page.getByLabel("Blockers");
    await blockers.getByText(/not generated/).waitFor();
    await expect(blockers.getByRole("link").count()).resolves.toBeGreaterThan(1);
    await portal.t.shot("01-month-with-blockers");
  });

  it("clears the schedules blocker by running JE Automation's batch from its link", async () => {
    const { page } = portal.t;
    const month = openMonth();
    await page
      .getByLabel("Blockers")
      .getByRole("link", { name: /not generated/ })
      .click();
    await page.waitForURL(`**/c/${CLIENT}/journals`);
    await page.getByLabel("Month", { exact: true }).fill(month);
    await page.getByRole("button", { name: "Generate" }).click();
    const batch = page.getByRole("table", { name: "Month-end batch" });
    await batch.getByText("Espresso bar", { exact: false }).first().waitFor();
    await page.getByRole("button", { name: "Approve all" }).click();
    await batch.getByText("approved", { exact: false }).first().waitFor();
    await page.getByRole("button", { name: "Post approved" }).click();
    await batch.getByText("posted", { exact: false }).first().waitFor();
    await portal.t.shot("02-batch-posted");
    await page.goto(`/c/${CLIENT}/close/${month}`);
    const blockers = page.getByLabel("Blockers");
    await blockers.getByRole("link").first().waitFor();
    await expect(blockers.getByText(/not generated/).count()).resolves.toBe(0);
  });

  it("ticks a required information item, then closes with an override reason", async () => {
    const { page } = portal.t;
    const month = openMonth();
    const missing = async () => {
      const text = await page
        .getByLabel("Blockers")
        .getByText(/required information items? of/)
        .textContent();
      return Number(/^(\d+)/.exec(text ?? "")![1]);
    };
    const before = await missing();
    const item = page.getByLabel("Required information").getByRole("checkbox", { checked: false }).first();
    await item.check();
    await expect.poll(missing).toBe(before - 1);
    await page.getByLabel("Override reason (closing with blockers)").fill(REASON);
    await page.getByRole("button", { name: `Close ${month}` }).click();
    await page.getByText("Closed", { exact: true }).first().waitFor();
    await page.getByText(REASON).waitFor();
    await expect(page.getByRole("button", { name: `Close ${month}` }).count()).resolves.toBe(0);
    await portal.t.shot("03-closed");
  });

  it("locks the period: the ledger refuses an entry dated in the closed month", async () => {
    const month = openMonth();
    const { ctx } = portal.server.runtime;
    const firm = (await access.firmBySlug(ctx.db, "demo"))!;
    const accounts = await ledger.listAccounts(ctx, systemActor(firm.id), CLIENT);
    const cash = accounts.find((a) => a.detail_type === "bank")!;
    const equity = accounts.find((a) => a.type === "equity")!;
    const api = portal.t.context.request;
    const { csrfToken } = await (await api.get("/api/me")).json();
    const res = await api.post(`/api/clients/${CLIENT}/journal-entries?post=true`, {
      headers: { "X-CSRF-Token": csrfToken },
      data: {
        date: `${month}-15`,
        description: "Late owner contribution",
        lines: [
          { accountId: cash.id, debit: "100.00" },
          { accountId: equity.id, credit: "100.00" },
        ],
      },
    });
    expect(res.status()).toBe(422);
    expect((await res.json()).code).toBe("ledger/period-locked");
  });

  it("e-mails the month's report package to the client's owner and shows it delivered", async () => {
    const { page } = portal.t;
    const month = openMonth();
    const [year, mm] = month.split("-").map(Number) as [number, number];
    const mail = await portal.server.mailbox.waitFor(OWNER, (m) => m.subject.includes("report package"), {
      timeoutMs: 60_000,
    });
    expect(mail.subject).toContain(`${monthName(mm)} ${year}`);
    await page.reload();
    await page.getByLabel("Report package delivery").getByText(OWNER).waitFor();
    await portal.t.shot("04-package-delivered");
  });
});
