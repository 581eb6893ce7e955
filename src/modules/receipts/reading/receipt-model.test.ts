import { describe, expect, it } from "vitest";
import { readReceipt } from "./receipt-model.ts";
import { amountsOn } from "./amounts.ts";
import { datesOn } from "./dates.ts";

describe("amounts on a line", () => {
  it("reads dot and comma decimals, thousands, symbols before and after, and whole yen", () => {
    expect(amountsOn("TOTAL $1,234.56", "USD").map((a) => [a.minor, a.currency])).toEqual([[123456n, "USD"]]);
    expect(amountsOn("Summe 1.234,56 €", null).map((a) => [a.minor, a.currency])).toEqual([[123456n, "EUR"]]);
    expect(amountsOn("Total ¥1,200", null).map((a) => [a.minor, a.currency])).toEqual([[1200n, "JPY"]]);
    expect(amountsOn("Total CA$7.25", "USD").map((a) => a.currency)).toEqual(["CAD"]);
  });
  it("leaves rates and bare whole numbers alone", () => {
    expect(amountsOn("VAT 20% 4.00", "GBP").map((a) => a.minor)).toEqual([400n]);
    expect(amountsOn("Reg 05 Table 12", "USD")).toEqual([]);
  });
});

describe("dates on a line", () => {
  it("reads ISO, month names and numeric dates, settling day and month when it can", () => {
    expect(datesOn("2026-03-14 10:22", true)[0]!.iso).toBe("2026-03-14");
    expect(datesOn("Mar 14, 2026", false)[0]!.iso).toBe("2026-03-14");
    expect(datesOn("14 March 2026", true)[0]!.iso).toBe("2026-03-14");
    expect(datesOn("14/03/2026", true)[0]).toMatchObject({ iso: "2026-03-14", certainty: 0.9 });
    expect(datesOn("03/04/26", true)[0]).toMatchObject({ iso: "2026-03-04", certainty: 0.6 });
    expect(datesOn("03/04/2026", false)[0]!.iso).toBe("2026-04-03");
    expect(datesOn("31.02.2026", false)).toEqual([]);
  });
});

describe("reading a receipt", () => {
  it("reads a till receipt: vendor, date, total, tax and currency, surest when subtotal and tax add up", () => {
    const r = readReceipt(
      [
        "Blue Harbor Coffee",
        "406 Main St",
        "Date: 11/24/26 16:20",
        "Latte $4.50",
        "Subtotal $4.50",
        "Sales Tax 8.25% $0.37",
        "TOTAL $4.87",
        "VISA **** 1234",
      ],
      { homeCurrency: "USD" },
    );
    expect(r.vendor).toEqual({ value: "Blue Harbor Coffee", confidence: 0.7 });
    expect(r.date.value).toBe("2026-11-24");
    expect(r.total).toEqual({ value: 487n, confidence: 0.99 });
    expect(r.tax).toEqual({ value: 37n, confidence: 0.9 });
    expect(r.currency.value).toBe("USD");
  });
  it("prefers the invoice date to the due date, and the amount due to the subtotal", () => {
    const r = readReceipt(
      [
        "ATLAS COURIER SERVICES",
        "Invoice #INV-1001",
        "Due date: 2026-05-14",
        "Invoice date: 2026-04-14",
        "Shipping 100.00",
        "Subtotal 100.00",
        "Amount due 100.00",
      ],
      { homeCurrency: "USD" },
    );
    expect(r.date.value).toBe("2026-04-14");
    expect(r.total.value).toBe(10000n);
    expect(r.tax).toEqual({ value: null, confidence: 0.6 });
  });
  it("adds up two tax lines and reads a euro receipt with decimal commas", () => {
    const ca = readReceipt(
      ["Maple Books", "Subtotal CA$10.00", "GST 5% CA$0.50", "PST 7% CA$0.70", "Total CAD CA$11.20"],
      { homeCurrency: "USD" },
    );
    expect([ca.tax.value, ca.total.value, ca.currency.value]).toEqual([120n, 1120n, "CAD"]);
    const eu = readReceipt(
      ["Greenleaf Markt", "14.03.2026", "Brot 3,20 €", "MwSt 19% 0,51 €", "Summe EUR 3,71 €"],
      { homeCurrency: "USD" },
    );
    expect([eu.date.value, eu.total.value, eu.tax.value, eu.currency.value]).toEqual([
      "2026-03-14",
      371n,
      51n,
      "EUR",
    ]);
  });
  it("names a known payee of the client, and joins the word pieces fixed-width OCR leaves", () => {
    expect(
      readReceipt(["WELCOME TO", "BLUE BOTTLE COFFEE #12", "Total $3.00"], {
        homeCurrency: "USD",
        knownPayees: ["Blue Bottle Coffee"],
      }).vendor,
    ).toEqual({ value: "Blue Bottle Coffee", confidence: 0.9 });
    expect(readReceipt(["‘Ri ver bend Di ner .", "Total $3.00"], { homeCurrency: "USD" }).vendor.value).toBe(
      "Riverbend Diner",
    );
  });
  it("says little and with low confidence when the text is not a receipt", () => {
    const r = readReceipt(["Hello", "nothing here"], { homeCurrency: "USD" });
    expect(r.total).toEqual({ value: null, confidence: 0 });
    expect(r.date).toEqual({ value: null, confidence: 0 });
    expect(r.currency).toEqual({ value: "USD", confidence: 0.4 });
  });
});
