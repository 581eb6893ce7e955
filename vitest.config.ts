// Test runner settings: one suite, run on PGlite by default and on PostgreSQL when DATABASE_URL is set.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["test/e2e/**", "node_modules/**"],
    globalSetup: ["test/global-setup.ts"],
    // The shared-data reporter counts the tests skipped because ../shared/data is absent.
    reporters: ["default", "./test/support/shared-data-reporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    // Transformed modules kept on disk (under node_modules), so the suite's PostgreSQL phase and
    // later runs do not transform the same sources again.
    experimental: { fsModuleCache: true },
  },
});
