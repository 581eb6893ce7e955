// Idempotency keys: fingerprints ignore what differs between exports of one line (case, spacing,
// Unicode forms) and nothing else; identical lines in one statement are numbered, not merged.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fingerprintOf, keyLines, normalizeDescription } from "./fingerprint.ts";

const line = (
  description: string,
  amount = -450n,
  date = "2026-03-02",
  bankTransactionId: string | null = null,
) => ({
  date,
  amount,
  description,
  bankTransactionId,
});

describe("normalizeDescription", () => {
  it("folds case, spacing and Unicode compatibility forms", () => {
    expect(normalizeDescription("  Blue   Bottle\tCOFFEE ")).toBe("blue bottle coffee");
    expect(normalizeDescription("ＣＡＦＥ")).toBe("cafe");
    expect(normalizeDescription("Cafe\u0301")).toBe(normalizeDescription("Café"));
  });
});

describe("fingerprintOf", () => {
  it("is equal for the same line written differently and differs when date, amount or text differ", () => {
    const base = fingerprintOf("2026-03-02", -450n, "Blue Bottle Coffee");
    expect(fingerprintOf("2026-03-02", -450n, " blue  bottle coffee")).toBe(base);
    expect(base).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprintOf("2026-03-03", -450n, "Blue Bottle Coffee")).not.toBe(base);
    expect(fingerprintOf("2026-03-02", -451n, "Blue Bottle Coffee")).not.toBe(base);
    expect(fingerprintOf("2026-03-02", 450n, "Blue Bottle Coffee")).not.toBe(base);
    expect(fingerprintOf("2026-03-02", -450n, "Blue Bottle Tea")).not.toBe(base);
  });

  it("cannot be fooled by moving text between fields (separators are not in the text)", () => {
    expect(fingerprintOf("2026-03-02", -45n, "0 coffee")).not.toBe(
      fingerprintOf("2026-03-02", -450n, " coffee"),
    );
  });
});

describe("keyLines", () => {
  it("numbers identical lines within the statement: the second coffee is occurrence 2", () => {
    const keys = keyLines([line("Coffee"), line("Bagel", -300n), line("Coffee"), line("COFFEE")]);
    expect(keys.map((k) => k.occurrence)).toEqual([1, 1, 2, 3]);
    expect(new Set(keys.map((k) => k.key)).size).toBe(4);
    expect(keys[0]!.key).toBe(`fp:${keys[0]!.fingerprint}#1`);
    expect(keys[2]!.key).toBe(`fp:${keys[0]!.fingerprint}#2`);
  });

  it("uses the bank's id when there is one, whatever the text says", () => {
    const keys = keyLines([
      line("Coffee", -450n, "2026-03-02", "FIT-1"),
      line("Coffee", -450n, "2026-03-02", "FIT-2"),
    ]);
    expect(keys.map((k) => k.key)).toEqual(["id:FIT-1#1", "id:FIT-2#1"]);
    // The same bank id with other text is still the same line (banks refine descriptions later).
    expect(keyLines([line("COFFEE SHOP 123", -450n, "2026-03-02", "FIT-1")])[0]!.key).toBe("id:FIT-1#1");
  });

  it("keeps a repeated bank id within one statement as two lines", () => {
    const keys = keyLines([line("A", -1n, "2026-03-02", "7"), line("B", -2n, "2026-03-02", "7")]);
    expect(keys.map((k) => k.key)).toEqual(["id:7#1", "id:7#2"]);
  });

  it("treats a blank bank id as none", () => {
    expect(keyLines([line("Coffee", -450n, "2026-03-02", "  ")])[0]!.key).toMatch(/^fp:/);
  });

  it("gives every line of any statement a distinct key, and the same keys for the same statement", () => {
    const arbLine = fc.record({
      date: fc.constantFrom("2026-01-01", "2026-01-02"),
      amount: fc.bigInt({ min: -3n, max: 3n }),
      description: fc.constantFrom("coffee", "Coffee ", "tea"),
      bankTransactionId: fc.option(fc.constantFrom("a", "b", "c"), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbLine, { maxLength: 30 }), (lines) => {
        const keys = keyLines(lines).map((k) => k.key);
        expect(new Set(keys).size).toBe(lines.length);
        expect(keyLines(lines).map((k) => k.key)).toEqual(keys);
      }),
    );
  });
});
