// Browser tests (test/e2e): real Chromium (Debian's /usr/bin/chromium, never downloaded) against a
// real Closebook server on a loopback port over a fresh PGlite data dir. Run with
// `npx vitest run -c vitest.e2e.config.ts`; screenshots land in test-results/screenshots/.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["test/e2e/support/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    // One browser and one server at a time: the machine has two cores.
    maxWorkers: 1,
    fileParallelism: false,
  },
});
