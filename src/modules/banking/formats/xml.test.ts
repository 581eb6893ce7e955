// The CAMT files' XML reader: attributes in every legal spelling, and a mangled start tag tens of
// kilobytes long read in linear time (a regular expression retried at each position of such a tag
// once took half a minute on one the mutation property produced).
import { describe, expect, it } from "vitest";
import { parseXml } from "./xml.ts";
import { StatementParseError } from "./errors.ts";

describe("parseXml attributes", () => {
  it("reads double- and single-quoted values, spaces around '=', prefixes and entities", () => {
    const root = parseXml(
      `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02" xmlns:xsi = 'http://www.w3.org/2001/XMLSchema-instance'><Amt Ccy="EUR" note="a &amp; b">1.00</Amt></Document>`,
    );
    expect(root.attrs).toEqual({
      xmlns: "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02",
      xsi: "http://www.w3.org/2001/XMLSchema-instance",
    });
    expect(root.children[0]).toMatchObject({
      name: "Amt",
      attrs: { Ccy: "EUR", note: "a & b" },
      text: "1.00",
    });
  });

  it('skips what is not name="value" and keeps the attributes around it', () => {
    const root = parseXml(`<Amt junk Ccy="USD" =="x" also= Dt='2024-01-02'>5</Amt>`);
    expect(root.attrs).toEqual({ Ccy: "USD", Dt: "2024-01-02" });
  });

  it("reads a mangled start tag of 200,000 characters with no '=' in linear time", () => {
    const tag = `<Document ${"<TxDtls>".repeat(25_000).replace(/[<>]/g, "x")}>`;
    const started = process.cpuUsage();
    let outcome: unknown;
    try {
      outcome = parseXml(`${tag}</Document>`);
    } catch (error) {
      outcome = error;
    }
    const used = process.cpuUsage(started);
    // A hang guard, not a speed goal: the quadratic reading took minutes on this input.
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
    expect(outcome instanceof StatementParseError || (outcome as { name?: string }).name === "Document").toBe(
      true,
    );
  });
});
