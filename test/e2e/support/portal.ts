// Gets a browser into the portal. Without the identity module the server acts as the demo
// firm's administrator and the portal opens straight away.
import type { RunningCloseBook } from "./closebook.ts";
import type { TestPage } from "./browser.ts";

export async function enterPortal(t: TestPage, _server: RunningCloseBook): Promise<void> {
  await t.page.goto("/");
  await t.page.getByRole("navigation", { name: "Main" }).waitFor();
}
