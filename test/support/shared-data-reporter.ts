// Says at the end of a run how many tests skipped because ../shared/data (the shared sample data)
// is absent, so a run on a clone of the repository alone shows what it did not cover.
import type { Reporter, TestModule } from "vitest/node";
import { SHARED_DATA, SHARED_DATA_MARK } from "./shared-data.ts";

export default class SharedDataReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const missing = new Map<string, number>();
    for (const module of testModules)
      for (const test of module.children.allTests("skipped")) {
        const at = test.fullName.indexOf(SHARED_DATA_MARK);
        if (at < 0) continue;
        const reason = test.fullName
          .slice(at + SHARED_DATA_MARK.length, test.fullName.indexOf("]", at))
          .trim();
        missing.set(reason, (missing.get(reason) ?? 0) + 1);
      }
    const total = [...missing.values()].reduce((a, b) => a + b, 0);
    if (total === 0) return;
    const lines = [...missing].map(([reason, n]) => `  ${n} × ${reason}`);
    process.stdout.write(
      `\n${total} tests skipped: ../shared/data not found (looked in ${SHARED_DATA}; set CLOSEBOOK_SHARED_DATA)\n${lines.join("\n")}\n`,
    );
  }
}
