// Work in the browser: My work opens from the navigation; a firm user creates a task for a demo
// client with a checklist, ticks the checklist in the task's drawer, and on the board drags the
// card to Done — each change checked against the API.
import { describe, expect, it } from "vitest";
import { hasChromium } from "./support/browser.ts";
import { portalSession } from "./support/portal.ts";
import type { Task, TaskDetail, TaskPage } from "../../web/src/api/work.ts";

const portal = portalSession();
const TITLE = "Collect the W-9 from the roaster";

async function taskByTitle(): Promise<Task | undefined> {
  const res = await portal.t.context.request.get(
    `/api/tasks?assignee=any&status=to_do,in_progress,done&q=${encodeURIComponent(TITLE)}`,
  );
  expect(res.status()).toBe(200);
  return ((await res.json()) as TaskPage).tasks[0];
}

describe.skipIf(!hasChromium)("My work", () => {
  it("creates a task with a checklist and completes the checklist in its drawer", async () => {
    const { page } = portal.t;
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My work" }).click();
    await page.getByRole("heading", { name: "My work" }).waitFor();
    await page.getByRole("button", { name: "New task" }).click();
    const dialog = page.getByRole("dialog", { name: "New task" });
    await dialog.getByLabel(/^Client/).click();
    await page
      .getByRole("option", { name: /Bluebird/ })
      .first()
      .click();
    await dialog.getByLabel(/^Title/).fill(TITLE);
    await dialog.getByLabel(/^Checklist/).fill("Ask for the signed form\nFile it under Tax");
    await dialog.getByRole("button", { name: "Create task" }).click();
    // The new task opens in the drawer, with its checklist.
    const drawer = page.getByRole("dialog", { name: TITLE });
    await drawer.getByText("Checklist 0 of 2").waitFor();
    await portal.t.shot("work-01-new-task");
    // The checkbox follows the server's answer, so a click (not check(), which wants it at once).
    await drawer.getByRole("checkbox", { name: "Ask for the signed form" }).click();
    await drawer.getByText("Checklist 1 of 2").waitFor();
    await drawer.getByRole("checkbox", { name: "File it under Tax" }).click();
    await drawer.getByText("Checklist 2 of 2").waitFor();
    await drawer.getByText(/ticked "File it under Tax"/).waitFor();
    const task = await taskByTitle();
    expect(task).toMatchObject({
      status: "to_do",
      checklist: { done: 2, total: 2 },
      client: { slug: "bluebird-coffee" },
    });
    const detail = (await (
      await portal.t.context.request.get(`/api/tasks/${task!.id}`)
    ).json()) as TaskDetail;
    expect(detail.items.every((i) => i.done)).toBe(true);
    await page.keyboard.press("Escape");
    // My work lists it: it is the signed-in user's.
    const row = page.getByRole("table", { name: "Tasks" }).getByRole("row", { name: TITLE });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain("2 of 2");
    expect(portal.t.errors).toEqual([]);
  });

  it("moves the task to Done by dragging its card on the board", async () => {
    const { page } = portal.t;
    // The segmented control's radio is visually hidden: its label is what one clicks.
    await page.locator('label[for$="-board"]').click();
    const card = page.locator(`[data-status="to_do"] [aria-label="${TITLE}"]`);
    await card.waitFor();
    await card.dragTo(page.locator('[data-status="done"]'));
    await page.locator(`[data-status="done"] [aria-label="${TITLE}"]`).waitFor();
    await expect.poll(async () => (await taskByTitle())?.status).toBe("done");
    await portal.t.shot("work-02-board");
    expect(portal.t.errors).toEqual([]);
  });
});
