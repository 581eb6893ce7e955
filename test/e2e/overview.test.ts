// The firm overview in the browser: the table at "/" shows every demo client with the figures the
// API gives (compared with GET /api/overview, never hard-coded: the demo's numbers may change),
// sorts by its column headers, and a figure's link opens the Transaction Manager filtered to it.
import { describe, expect, it } from "vitest";
import { hasChromium } from "./support/browser.ts";
import { portalSession } from "./support/portal.ts";
import type { Overview } from "../../web/src/api/overview.ts";

const portal = portalSession();

async function overviewOfApi(): Promise<Overview> {
  const res = await portal.t.context.request.get("/api/overview");
  expect(res.status()).toBe(200);
  return (await res.json()) as Overview;
}

const table = () => portal.t.page.getByRole("table", { name: "Clients overview" });
const rowNames = async () =>
  (await table()
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("aria-label")))) as string[];
const figure = (slug: string, name: string) =>
  table().locator(`tr[data-client="${slug}"] td[data-figure="${name}"]`);

describe.skipIf(!hasChromium)("the firm overview", () => {
  it("shows every client with the API's figures", async () => {
    const { page } = portal.t;
    await page.goto("/");
    await table().waitFor();
    // The demo's import jobs may still be at work: wait until the page and the API agree.
    let api: Overview | undefined;
    await expect
      .poll(
        async () => {
          await page.reload();
          await table().locator("tbody tr").first().waitFor();
          api = await overviewOfApi();
          const shown: string[] = [];
          for (const c of api.clients)
            shown.push(
              `${c.slug}:${await figure(c.slug, "needs-review").innerText()}/${await figure(c.slug, "auto-posted").innerText()}`,
            );
          return (
            shown.join(" ") ===
            api.clients.map((c) => `${c.slug}:${c.needsReview.count}/${c.autoPosted.count}`).join(" ")
          );
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(true);
    expect(api!.clients.length).toBeGreaterThanOrEqual(2);
    expect((await rowNames()).sort()).toEqual(api!.clients.map((c) => c.name).sort());
    for (const c of api!.clients) {
      const imp = await figure(c.slug, "last-import").innerText();
      if (c.lastImport) expect(imp).toContain(c.lastImport.bankAccountName);
      else expect(imp).toBe("Never");
    }
    await portal.t.shot("overview-01-clients");
    expect(portal.t.errors).toEqual([]);
  });

  it("sorts by a column header, and again the other way", async () => {
    const { page } = portal.t;
    const api = await overviewOfApi();
    const byName = api.clients.map((c) => c.name).sort((a, b) => a.localeCompare(b));
    await page.getByRole("button", { name: "Sort by Client" }).click();
    await expect.poll(rowNames).toEqual(byName);
    const header = page.getByRole("columnheader", { name: /Client/ });
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    await page.getByRole("button", { name: "Sort by Client" }).click();
    await expect.poll(rowNames).toEqual([...byName].reverse());
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    // Most lines waiting first (ties by name).
    await page.getByRole("button", { name: "Sort by Needs review" }).click();
    const byWaiting = [...api.clients]
      .sort((a, b) => b.needsReview.count - a.needsReview.count || a.name.localeCompare(b.name))
      .map((c) => c.name);
    await expect.poll(rowNames).toEqual(byWaiting);
  });

  it("a client's waiting lines link to its Transaction Manager's Needs Review", async () => {
    const { page } = portal.t;
    const api = await overviewOfApi();
    const busiest = [...api.clients].sort((a, b) => b.needsReview.count - a.needsReview.count)[0]!;
    // A loaded machine may take a while to draw a tab of editable rows: wait up to a minute.
    await page
      .getByRole("link", { name: `${busiest.name}: lines waiting for review` })
      .click({ timeout: 60_000 });
    await page.getByRole("heading", { name: "Transaction Manager" }).waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).pathname).toBe(`/c/${busiest.slug}/transactions`);
    const tab = page.getByRole("tab", { name: /^Needs Review/ });
    await expect.poll(() => tab.innerText()).toBe(`Needs Review (${busiest.needsReview.count})`);
    expect(await tab.getAttribute("aria-selected")).toBe("true");
    await portal.t.shot("overview-02-needs-review");
  });

  it("the month's automatic postings link to Processed, filtered to exactly those lines", async () => {
    const { page } = portal.t;
    await page.goto("/");
    const api = await overviewOfApi();
    const c = [...api.clients].sort((a, b) => b.autoPosted.count - a.autoPosted.count)[0]!;
    await page
      .getByRole("link", { name: `${c.name}: lines posted automatically this month` })
      .click({ timeout: 60_000 });
    await page.getByRole("heading", { name: "Transaction Manager" }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole("tab", { name: /^Processed/ }).getAttribute("aria-selected")).toBe("true");
    await page.getByText("Only lines nobody reviewed or edited").waitFor();
    expect(await page.getByLabel("From").inputValue()).toBe(api.month.from);
    if (c.autoPosted.count > 0)
      await expect
        .poll(() => page.getByLabel("Page", { exact: true }).innerText())
        .toMatch(new RegExp(` of ${c.autoPosted.count}$`));
    else await page.getByText("No transaction matches these filters.").waitFor();
    await portal.t.shot("overview-03-posted-automatically");
    expect(portal.t.errors).toEqual([]);
  });
});
