// The matching passes on small, readable books: what each pass pairs, how sure it is, and why.
import { describe, expect, it } from "vitest";
import { matchStatement } from "./match-statement.ts";
import { gl, st, statementOf } from "./test-lines.ts";

const only = (r: ReturnType<typeof matchStatement>) => {
  expect(r.matches).toHaveLength(1);
  return r.matches[0]!;
};

describe("pass 1: the bank line an entry was posted from", () => {
  it("pairs them whatever the date and text say", () => {
    const r = matchStatement(
      statementOf([st("s1", "2026-03-09", "-45.99", "AMZN MKTP US*2K4", { bankLineId: "b1" })]),
      [gl("g1", "2026-03-02", "-45.99", "Office supplies", { fromBankLineId: "b1" })],
    );
    expect(only(r)).toEqual({
      class: "confident",
      kind: "bank-line",
      score: 1,
      reasons: ["same bank line", "amount equal", "7 days apart (5 business days)"],
      statement: ["s1"],
      ledger: ["g1"],
    });
  });

  it("takes an entry reversed and posted again together, as they sum to the line", () => {
    const r = matchStatement(statementOf([st("s1", "2026-03-09", "-45.99", "AMZN", { bankLineId: "b1" })]), [
      gl("g1", "2026-03-09", "-45.99", "Meals", { fromBankLineId: "b1" }),
      gl("g2", "2026-03-10", "45.99", "Reversal of Meals", { fromBankLineId: "b1" }),
      gl("g3", "2026-03-10", "-45.99", "Office supplies", { fromBankLineId: "b1" }),
    ]);
    const m = only(r);
    expect(m.class).toBe("confident");
    expect(m.ledger).toEqual(["g1", "g2", "g3"]);
    expect(m.reasons).toContain("3 ledger lines posted from it sum to its amount");
  });

  it("flags a posting whose amount no longer agrees with its bank line as possible", () => {
    const r = matchStatement(statementOf([st("s1", "2026-03-09", "-45.99", "AMZN", { bankLineId: "b1" })]), [
      gl("g1", "2026-03-09", "-44.99", "Office supplies", { fromBankLineId: "b1" }),
    ]);
    expect(only(r)).toMatchObject({
      class: "possible",
      reasons: ["same bank line", "amounts differ by 1.00", "same day"],
    });
  });
});

describe("pass 2: check numbers", () => {
  it("pairs a check that cleared weeks later by its number", () => {
    const r = matchStatement(
      statementOf([st("s1", "2026-03-27", "-250.00", "CHECK 1043", { checkNumber: "1043" })]),
      [
        gl("g1", "2026-02-27", "-250.00", "Rent March", { checkNumber: "1043" }),
        gl("g2", "2026-03-26", "-250.00", "Deposit refund"),
      ],
    );
    expect(only(r)).toMatchObject({
      class: "confident",
      kind: "check",
      reasons: ["check 1043 on both", "amount equal", "28 days apart (20 business days)"],
      statement: ["s1"],
      ledger: ["g1"],
    });
    expect(r.unmatched.ledger).toEqual(["g2"]);
  });

  it("reads the number from the texts when no field carries it", () => {
    const r = matchStatement(statementOf([st("s1", "2026-03-20", "-80.00", "CHECK # 001044")]), [
      gl("g1", "2026-03-12", "-80.00", "Check 1044 - Window cleaning"),
    ]);
    expect(only(r)).toMatchObject({ kind: "check", class: "confident" });
  });

  it("keeps a check whose amount the bank read differently as possible, saying by how much", () => {
    const r = matchStatement(
      statementOf([st("s1", "2026-03-20", "-801.00", "CHECK 1045", { checkNumber: "1045" })]),
      [gl("g1", "2026-03-12", "-810.00", "Supplier", { checkNumber: "1045" })],
    );
    expect(only(r)).toMatchObject({
      class: "possible",
      reasons: ["check 1045 on both", "amounts differ by 9.00", "8 days apart (6 business days)"],
    });
  });

  it("lets a number that appears twice prove nothing", () => {
    const r = matchStatement(
      statementOf([st("s1", "2026-03-20", "-80.00", "CHECK 1046", { checkNumber: "1046" })]),
      [
        gl("g1", "2026-03-19", "-80.00", "Cleaning", { checkNumber: "1046" }),
        gl("g2", "2026-03-02", "-95.00", "Cleaning", { checkNumber: "1046" }),
      ],
    );
    expect(only(r)).toMatchObject({ kind: "amount", ledger: ["g1"] });
  });
});

describe("pass 3: equal amounts near in date", () => {
  it("pairs by amount, date and payee, in words", () => {
    const r = matchStatement(statementOf([st("s1", "2026-03-12", "-1234.56", "ACH DEBIT ACME CORP 88213")]), [
      gl("g1", "2026-03-10", "-1234.56", "Widgets", { payee: "Acme" }),
    ]);
    expect(only(r)).toMatchObject({
      class: "confident",
      kind: "amount",
      reasons: ["amount equal", "2 days apart", "payee 'Acme' ~ 'ACH DEBIT ACME CORP 88213'"],
    });
  });

  it("trusts an uncommon amount even when the bank names no one", () => {
    const r = matchStatement(statementOf([st("s1", "2026-03-12", "-1234.56", "ONLINE PMT REF 771208")]), [
      gl("g1", "2026-03-11", "-1234.56", "Widgets", { payee: "Acme" }),
    ]);
    expect(only(r)).toMatchObject({
      class: "confident",
      reasons: ["amount equal", "1 day apart", "an uncommon amount"],
    });
  });

  it("counts business days across a weekend", () => {
    const r = matchStatement(statementOf([st("s1", "2026-03-16", "-1234.56", "ACME")]), [
      gl("g1", "2026-03-13", "-1234.56", "Acme"),
    ]);
    expect(only(r).reasons[1]).toBe("3 days apart (1 business day)");
  });

  it("leaves lines further apart than the window unmatched", () => {
    const r = matchStatement(statementOf([st("s1", "2026-03-30", "-1234.56", "ACME")]), [
      gl("g1", "2026-03-02", "-1234.56", "Acme"),
    ]);
    expect(r.matches).toEqual([]);
    expect(r.unmatched).toEqual({ statement: ["s1"], ledger: ["g1"] });
  });

  it("tells apart equal amounts on one day by their payees", () => {
    const r = matchStatement(
      statementOf([
        st("s1", "2026-03-05", "-50.00", "POS BLUE COFFEE 221"),
        st("s2", "2026-03-05", "-50.00", "HARBOR FUEL #7"),
      ]),
      [
        gl("g1", "2026-03-04", "-50.00", "Fuel", { payee: "Harbor Fuel" }),
        gl("g2", "2026-03-04", "-50.00", "Team coffee", { payee: "Blue Coffee" }),
      ],
    );
    expect(r.matches.map((m) => [m.class, m.statement[0], m.ledger[0]])).toEqual([
      ["confident", "s1", "g2"],
      ["confident", "s2", "g1"],
    ]);
  });

  it("calls it possible when another line of the amount fits about as well", () => {
    const r = matchStatement(statementOf([st("s1", "2026-03-11", "-50.00", "BLUE COFFEE")]), [
      gl("g1", "2026-03-10", "-50.00", "Blue Coffee"),
      gl("g2", "2026-03-12", "-50.00", "Blue Coffee"),
    ]);
    expect(only(r)).toMatchObject({ class: "possible" });
    expect(only(r).reasons).toContain("another line of this amount fits about as well");
    expect(r.unmatched.ledger).toHaveLength(1);
  });

  it("pairs two identical coffees with two identical postings, each once", () => {
    const r = matchStatement(
      statementOf([
        st("s1", "2026-03-05", "-4.50", "BLUE COFFEE"),
        st("s2", "2026-03-05", "-4.50", "BLUE COFFEE"),
      ]),
      [gl("g1", "2026-03-05", "-4.50", "Blue Coffee"), gl("g2", "2026-03-05", "-4.50", "Blue Coffee")],
    );
    expect(r.matches.map((m) => [m.class, m.statement[0], m.ledger[0]])).toEqual([
      ["confident", "s1", "g1"],
      ["confident", "s2", "g2"],
    ]);
  });

  it("wants agreeing texts before it trusts a common amount", () => {
    // Among many small charges, 18.05 on both sides proves little when the payees differ.
    const noise = Array.from({ length: 300 }, (_, i) =>
      gl(
        `n${i}`,
        `2026-03-${String(2 + (i % 27)).padStart(2, "0")}`,
        `-${15 + (i % 7)}.${String((i * 37) % 100).padStart(2, "0")}`,
        "Misc",
      ),
    );
    const r = matchStatement(statementOf([st("s1", "2026-03-10", "-18.05", "ACH DEBIT SUMMIT CONSULTING")]), [
      gl("g1", "2026-03-10", "-18.05", "Prairie Consulting"),
      ...noise.filter((n) => n.amount !== -1805n),
    ]);
    expect(only(r)).toMatchObject({ class: "possible", ledger: ["g1"] });
    expect(only(r).reasons).toContain("a common amount, and the texts differ");
  });
});

describe("pass 4: one line against several", () => {
  it("finds the receipts a deposit is made of", () => {
    const r = matchStatement(statementOf([st("s1", "2026-03-10", "1000.00", "DEPOSIT 552101")]), [
      gl("g1", "2026-03-09", "300.00", "Payment - Cedar Foods"),
      gl("g2", "2026-03-06", "450.00", "Payment - Atlas Freight"),
      gl("g3", "2026-03-09", "250.00", "Payment - Maple Rentals"),
      gl("g4", "2026-03-09", "175.20", "Payment - Union Water"),
    ]);
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]).toMatchObject({ kind: "sum", statement: ["s1"], ledger: ["g2", "g1", "g3"] });
    expect(r.matches[0]!.reasons[0]).toBe("3 receipts sum to the deposit");
    expect(r.unmatched.ledger).toEqual(["g4"]);
  });

  it("finds the card charges booked as one entry, confident when they read alike", () => {
    const r = matchStatement(
      statementOf([
        st("s1", "2026-03-10", "-52.17", "AMAZON MKTP US*1A2"),
        st("s2", "2026-03-11", "-70.08", "AMAZON MKTP US*9Z1"),
        st("s3", "2026-03-11", "-12.00", "HARBOR FUEL"),
      ]),
      [gl("g1", "2026-03-10", "-122.25", "Amazon")],
    );
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]).toMatchObject({
      class: "confident",
      kind: "sum",
      statement: ["s1", "s2"],
      ledger: ["g1"],
    });
    expect(r.matches[0]!.reasons).toEqual([
      "2 statement debits sum to the ledger line",
      "within 1 day",
      "descriptions alike",
      "no other combination does",
    ]);
  });

  it("says possible when two combinations make the total", () => {
    const r = matchStatement(statementOf([st("s1", "2026-03-10", "100.00", "DEPOSIT")]), [
      gl("g1", "2026-03-09", "50.00", "Sale"),
      gl("g2", "2026-03-09", "50.00", "Sale"),
      gl("g3", "2026-03-09", "50.00", "Sale"),
    ]);
    expect(only(r)).toMatchObject({ class: "possible", kind: "sum" });
    expect(only(r).reasons).toContain("another combination also sums to it");
  });
});

describe("the engine as a whole", () => {
  it("runs the passes in order and leaves the rest unmatched on both sides", () => {
    const r = matchStatement(
      statementOf([
        st("s1", "2026-03-03", "-20.00", "FEE", { bankLineId: "b1" }),
        st("s2", "2026-03-05", "-310.00", "CHECK 1050", { checkNumber: "1050" }),
        st("s3", "2026-03-06", "-987.65", "EVERGREEN INSURANCE"),
        st("s4", "2026-03-09", "-15.00", "SERVICE CHARGE"),
      ]),
      [
        gl("g1", "2026-03-03", "-20.00", "Bank fee", { fromBankLineId: "b1" }),
        gl("g2", "2026-03-01", "-310.00", "Plumber", { checkNumber: "1050" }),
        gl("g3", "2026-03-05", "-987.65", "Insurance", { payee: "Evergreen Insurance" }),
        gl("g4", "2026-03-20", "-42.00", "Outstanding check"),
      ],
    );
    expect(r.matches.map((m) => `${m.kind}:${m.statement}=${m.ledger}`)).toEqual([
      "bank-line:s1=g1",
      "check:s2=g2",
      "amount:s3=g3",
    ]);
    expect(r.unmatched).toEqual({ statement: ["s4"], ledger: ["g4"] });
  });

  it("refuses an id twice on one side", () => {
    expect(() =>
      matchStatement(
        statementOf([st("s1", "2026-03-03", "1.00", "A"), st("s1", "2026-03-04", "2.00", "B")]),
        [],
      ),
    ).toThrow(/statement line id "s1" appears twice/);
  });
});

describe("crowds of look-alikes", () => {
  it("pairs a crowd too large to weigh exactly best-first, all possible, each line once", () => {
    const s = Array.from({ length: 10 }, (_, i) => st(`s${i}`, "2026-03-05", "-25.00", "PARKING"));
    const g = Array.from({ length: 10 }, (_, i) => gl(`g${i}`, "2026-03-05", "-25.00", "Parking"));
    const r = matchStatement(statementOf(s), g, { maxExactGroup: 8 });
    expect(r.matches).toHaveLength(10);
    expect(r.matches.every((m) => m.class === "possible")).toBe(true);
    expect(r.matches[0]!.reasons).toContain("20 lines of this amount compete nearby");
  });
});
