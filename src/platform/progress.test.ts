// Progress lines (counts, rate, bar, width) and the terminal renderer: redrawn in place on a TTY at
// most ten times a second, one line left per phase, and nothing at all when not a terminal.
import { describe, expect, it } from "vitest";
import { bar, formatCount, formatRate, progressLine, shouldDraw } from "./progress-model.ts";
import { terminalProgress } from "./progress.ts";

describe("the progress line", () => {
  it("shows a bar, the percentage, counts, the rate and the time when the total is known", () => {
    const line = progressLine(
      { phase: "importing", done: 45_000, total: 100_000, unit: "transactions", elapsedMs: 3_600 },
      100,
    );
    expect(line).toMatch(
      /^importing {2}\[█+[ ▏▎▍▌▋▊▉]? *\] {2}45% {2}45,000\/100,000 transactions {2}12,500\/s {2}3\.6 s$/,
    );
    expect(line.length).toBeLessThan(100);
  });

  it("shows the count and rate without a bar when the total is unknown, and only the time without a count", () => {
    expect(progressLine({ phase: "parsing", done: 1500, unit: "lines", elapsedMs: 500 })).toBe(
      "parsing  1,500 lines  3,000/s  0.5 s",
    );
    expect(progressLine({ phase: "training", elapsedMs: 61_000 })).toBe("training… 1 min 1 s");
    expect(formatCount(3 * 1024 * 1024, "bytes")).toBe("3.0 MB");
    expect(formatRate(10, 100)).toBe("");
  });

  it("fits the terminal and fills the bar in proportion", () => {
    const line = progressLine(
      { phase: "x".repeat(50), done: 1, total: 2, unit: "lines", elapsedMs: 1000 },
      60,
    );
    expect(line.length).toBeLessThanOrEqual(59);
    expect(bar(0, 10, 10)).toBe(" ".repeat(10));
    expect(bar(10, 10, 10)).toBe("█".repeat(10));
    expect(bar(5, 10, 10)).toBe(`${"█".repeat(5)}${" ".repeat(5)}`);
    expect(bar(20, 10, 4)).toBe("████");
  });

  it("is drawn at most every 100 ms, and always for the last step", () => {
    expect(shouldDraw(undefined, 0, { phase: "p" })).toBe(true);
    expect(shouldDraw(1000, 1050, { phase: "p", done: 5, total: 10 })).toBe(false);
    expect(shouldDraw(1000, 1050, { phase: "p", done: 10, total: 10 })).toBe(true);
    expect(shouldDraw(1000, 1100, { phase: "p", done: 6, total: 10 })).toBe(true);
  });
});

describe("the terminal renderer", () => {
  function fakeTerminal(isTTY: boolean) {
    const out: string[] = [];
    return { out, stream: { isTTY, columns: 80, write: (t: string) => void out.push(t) } };
  }

  it("redraws one line per phase in place and ends each with a newline", () => {
    const { out, stream } = fakeTerminal(true);
    let clock = 0;
    const p = terminalProgress(stream, () => clock);
    for (let done = 0; done <= 1000; done += 10) {
      clock += 1;
      p.report({ phase: "writing", done, total: 1000, unit: "lines" });
    }
    clock += 5;
    p.report({ phase: "done" });
    p.end();
    const text = out.join("");
    // 101 reports over 101 ms: the first, the one at 100 ms, and the last of the phase.
    expect(out.filter((t) => t.startsWith("\r")).length).toBeLessThanOrEqual(6);
    expect(text).toContain("1,000/1,000 lines");
    expect(text.split("\n")).toHaveLength(3);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("writes nothing when stderr is not a terminal", () => {
    const { out, stream } = fakeTerminal(false);
    const p = terminalProgress(stream);
    p.report({ phase: "writing", done: 1, total: 2 });
    p.end();
    expect(out).toEqual([]);
  });
});
