// Debian's Chromium driven by playwright-core (no browser is ever downloaded), with a page
// helper that fails the test on any uncaught page error and saves named screenshots.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = fs.existsSync(CHROMIUM);

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors thrown in the page: a test expects none. */
  errors: string[];
  /** Console errors (failed requests the test provoked on purpose show here too). */
  console: string[];
  /** Saves test-results/screenshots/NAME.png: the whole page, or only what is in view. */
  shot(name: string, options?: { fullPage?: boolean }): Promise<void>;
}

export async function newPage(browser: Browser, baseURL: string): Promise<TestPage> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 900 },
    locale: "en-US",
    timezoneId: "UTC",
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const consoleErrors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.setDefaultTimeout(15_000);
  return {
    context,
    page,
    errors,
    console: consoleErrors,
    async shot(name, { fullPage = true } = {}) {
      const dir = path.resolve("test-results/screenshots");
      fs.mkdirSync(dir, { recursive: true });
      await page.waitForLoadState("networkidle").catch(() => undefined);
      await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
    },
  };
}
