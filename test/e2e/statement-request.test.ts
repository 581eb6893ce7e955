// A statement asked for and answered, in the browser: the firm's Partner Admin requests a missing
// month's statement of Bluebird's Operating Checking from the Documents page; the client's user,
// invited by e-mail, signs in with the code e-mailed to them, finds the request in My work and
// uploads the statement through it; the file is in Bank statements / Operating Checking / <year>,
// the task is done, and the statement is offered for import (one click imports it).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { hasChromium, launch, newPage, type TestPage } from "./support/browser.ts";
import { portalSession } from "./support/portal.ts";
import { codeIn, linkIn } from "./support/mailbox.ts";
import type { TaskDetail } from "../../web/src/api/work.ts";
import type { Folder } from "../../web/src/api/documents.ts";

const portal = portalSession();
const CLIENT_USER = {
  email: "cody@bluebird.example",
  name: "Cody Client",
  password: "bluebird-beans-roasted-42",
};
let browser: Browser | undefined;
let client: TestPage;
let month = "";
let label = "";
let taskId = "";
const FILE = path.join(os.tmpdir(), `closebook-e2e-${process.pid}-checking-statement.csv`);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(FILE, { force: true });
});

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

describe.skipIf(!hasChromium)("a statement requested and answered", () => {
  it("the firm requests a missing month from the Documents page", async () => {
    const { page } = portal.t;
    await page.goto("/c/bluebird-coffee/documents");
    const missing = page.getByTestId("missing-statements");
    await missing.waitFor();
    const button = missing
      .getByRole("button", { name: /^Request the .* statement of Operating Checking$/ })
      .first();
    await button.waitFor();
    label = /^Request the (.*) statement of/.exec((await button.getAttribute("aria-label"))!)![1]!;
    const [mon, year] = label.split(" ") as [string, string];
    month = `${year}-${String(MONTHS.indexOf(mon) + 1).padStart(2, "0")}`;
    await button.click();
    // The month now links to its request.
    await missing.getByRole("link", { name: `${label} statement request` }).waitFor();
    await portal.t.shot("statement-01-requested");
    const tasks = await (
      await portal.t.context.request.get(
        "/api/tasks?assignee=any&client=bluebird-coffee&type=document_upload_request&pageSize=200",
      )
    ).json();
    const task = (tasks.tasks as TaskDetail[]).find(
      (x) => x.systemKey?.endsWith(`:${month}`) && /Operating Checking/.test(x.title),
    );
    expect(task).toMatchObject({ status: "to_do", assignee: { kind: "client" } });
    taskId = task!.id;
    expect(portal.t.errors).toEqual([]);
  });

  it("the client's user signs in with the e-mailed code and uploads the statement through the task", async () => {
    // The firm invites the client's user (the users page is tested elsewhere: here, its API).
    const clients = await (await portal.t.context.request.get("/api/clients")).json();
    const bluebird = (clients.clients as Array<{ id: string; slug: string }>).find(
      (c) => c.slug === "bluebird-coffee",
    )!;
    const { csrfToken } = await (await portal.t.context.request.get("/api/me")).json();
    const invited = await portal.t.context.request.post("/api/invitations", {
      headers: { "X-CSRF-Token": csrfToken },
      data: {
        email: CLIENT_USER.email,
        name: CLIENT_USER.name,
        role: "client_ops",
        clientAccess: { mode: "list", clientIds: [bluebird.id] },
      },
    });
    expect(invited.status()).toBe(201);
    const mailbox = portal.server.mailbox;
    const mail = await mailbox.waitFor(CLIENT_USER.email, (m) => m.text.includes("/invitation#token="));
    browser = await launch();
    client = await newPage(browser, portal.server.url);
    const { page } = client;
    await page.goto(linkIn(mail, "/invitation#token=").replace(/^https?:\/\/[^/]+/, portal.server.url));
    await page.getByRole("heading", { name: "Accept your invitation" }).waitFor();
    await page.getByLabel("Your name").fill(CLIENT_USER.name);
    await page.getByRole("textbox", { name: "Choose a password" }).fill(CLIENT_USER.password);
    await page.getByRole("textbox", { name: "Repeat the password" }).fill(CLIENT_USER.password);
    await page.getByRole("button", { name: "Set password and continue" }).click();
    await page.getByRole("heading", { name: "Set up two-step verification" }).waitFor();
    await page.getByRole("radio", { name: /code by e-mail/ }).check();
    const before = mailbox.messages.length;
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: "Confirm your e-mail" }).waitFor();
    const code = await mailbox.waitFor(CLIENT_USER.email, (m) => /\b\d{6}\b/.test(m.text), { since: before });
    await page.getByRole("textbox", { name: "Code" }).fill(codeIn(code));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("heading", { name: "Save your recovery codes" }).waitFor();
    await page.getByLabel("I have saved my recovery codes").check();
    await page.getByRole("button", { name: "Continue to Closebook" }).click();
    await page.waitForURL("**/c/bluebird-coffee");

    // The request is in their work; it opens in the drawer and takes the file.
    await page.goto("/c/bluebird-coffee/work");
    await page
      .getByRole("table", { name: "Tasks" })
      .locator(`[data-task="${taskId}"]`)
      .getByRole("button", { name: /^Upload the .* statement of Operating Checking$/ })
      .click();
    const drawer = page.getByRole("dialog", { name: /^Upload the .* statement of Operating Checking$/ });
    await drawer.waitFor();
    fs.writeFileSync(
      FILE,
      `Date,Description,Amount\n${month}-03,"Green Coffee Importers",-812.40\n${month}-17,"Farmers market sales",1240.00\n`,
    );
    const chooser = page.waitForEvent("filechooser");
    await drawer.getByRole("button", { name: "Upload the file" }).click();
    await (await chooser).setFiles(FILE);
    await drawer
      .getByRole("status")
      .filter({ hasText: "Filed in Bank statements / Operating Checking /" })
      .waitFor();
    // The statement is offered for import into its account.
    const importButton = drawer.getByRole("button", { name: "Import into Operating Checking" });
    await importButton.waitFor();
    await client.shot("statement-02-uploaded");

    const task = (await (await portal.t.context.request.get(`/api/tasks/${taskId}`)).json()) as TaskDetail;
    expect(task.status).toBe("done");
    expect(task.attachments).toHaveLength(1);
    const documentId = task.attachments[0]!.documentId;
    const doc = await (
      await portal.t.context.request.get(`/api/clients/bluebird-coffee/documents/${documentId}`)
    ).json();
    const folders = (
      await (await portal.t.context.request.get("/api/clients/bluebird-coffee/folders")).json()
    ).folders as Folder[];
    const folder = folders.find((f) => f.id === doc.folderId)!;
    const parent = folders.find((f) => f.id === folder.parentId)!;
    expect(folder.name).toBe(month.slice(0, 4));
    expect(parent.name).toBe("Operating Checking");
    expect(doc.period).toBe(month);
    const missing = await (
      await portal.t.context.request.get("/api/clients/bluebird-coffee/missing-statements")
    ).json();
    const checking = missing.accounts.find(
      (a: { accountName: string }) => a.accountName === "Operating Checking",
    );
    expect(checking.missing).not.toContain(month);

    // One click imports it.
    await importButton.click();
    await drawer
      .getByRole("status")
      .filter({ hasText: /Imported \d+ new lines? into Operating Checking/ })
      .waitFor();
    expect(client.errors).toEqual([]);
  });
});
