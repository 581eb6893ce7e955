// Gets a browser into the portal. Without the identity module the server acts as the demo
// firm's administrator and the portal opens straight away.
import fs from "node:fs";
import type { RunningCloseBook } from "./closebook.ts";
import type { TestPage } from "./browser.ts";

export interface Credentials {
  email: string;
  password: string;
}

/** Whether this checkout has sign-in (the identity module)… */
const identityInCheckout = fs.existsSync(new URL("../../../src/modules/identity/index.ts", import.meta.url));
// …and whether these tests know how to create its first Partner Admin (set when it lands).
const BOOTSTRAP_READY = false;
export const hasIdentity = identityInCheckout && BOOTSTRAP_READY;

export async function bootstrapPartnerAdmin(_server: RunningCloseBook): Promise<Credentials> {
  throw new Error("bootstrapPartnerAdmin: waiting for the identity module's way to create the first Partner Admin");
}

export async function enterPortal(t: TestPage, _server: RunningCloseBook): Promise<void> {
  await t.page.goto("/");
  await t.page.getByRole("navigation", { name: "Main" }).waitFor();
}
