// The tolerant OFX markup reader: unclosed leaves, comments, entities, line numbers, refused damage, deep nesting.
import { describe, expect, it } from "vitest";
import { StatementParseError } from "./errors.ts";
import { flattenLeaves, parseSgml, pathText, walk, type SgmlElement } from "./sgml.ts";

function errorOf(run: () => unknown): StatementParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof StatementParseError) return error;
    throw error;
  }
  throw new Error("expected a StatementParseError");
}

describe("parseSgml", () => {
  it("closes unclosed leaves at the next tag, SGML style", () => {
    const root = parseSgml("<OFX><STATUS><CODE>0<SEVERITY>INFO<MESSAGE>OK</STATUS></OFX>");
    const ofx = root.children[0]!;
    expect(pathText(ofx, "STATUS", "CODE")).toBe("0");
    expect(pathText(ofx, "STATUS", "SEVERITY")).toBe("INFO");
    expect(pathText(ofx, "STATUS", "MESSAGE")).toBe("OK");
  });

  it("reads XML-style closed leaves, self-closing tags, comments and entities", () => {
    const root = parseSgml(
      '<?xml version="1.0"?>\n<?OFX OFXHEADER="200"?>\n<OFX><!-- <NAME>hidden</NAME> -->\n<A><NAME>GROCER A &amp; Z</NAME><BALAMT/><MEMO>x &lt; y</MEMO></A></OFX>',
    );
    const a = root.children[0]!.children[0]!;
    expect(flattenLeaves(a)).toEqual({ NAME: "GROCER A & Z", BALAMT: "", MEMO: "x < y" });
  });

  it("treats an empty known leaf followed by a sibling as a leaf", () => {
    const root = parseSgml("<OFX><STMTTRN><MEMO>\n<NAME>Payee</STMTTRN></OFX>");
    const trn = root.children[0]!.children[0]!;
    expect(trn.children.map((c) => c.name)).toEqual(["MEMO", "NAME"]);
    expect(pathText(trn, "NAME")).toBe("Payee");
  });

  it("keeps a lone '<' inside a value as text", () => {
    const root = parseSgml("<OFX><NAME>A<B\n<MEMO>m</OFX>");
    expect(pathText(root.children[0]!, "NAME")).toBe("A<B");
  });

  it("records the line of each tag", () => {
    const root = parseSgml("<OFX>\n\n<A>\n<B>1\n</A>\n</OFX>");
    const lines = [...walk(root)].map((e) => [e.name, e.line]);
    expect(lines).toEqual([
      ["#ROOT", 1],
      ["OFX", 1],
      ["A", 3],
      ["B", 4],
    ]);
  });

  it("closes aggregates left open where an enclosing end tag or the next aggregate implies it", () => {
    const inferred: SgmlElement[] = [];
    const root = parseSgml(
      "<OFX>\n<STMTRS>\n<BANKTRANLIST>\n<STMTTRN>\n<TRNAMT>1\n<STMTTRN>\n<TRNAMT>2\n<LEDGERBAL>\n<BALAMT>3\n</STMTRS>\n</OFX>",
      0,
      inferred,
    );
    const stmt = root.children[0]!.children[0]!;
    expect(stmt.children.map((c) => c.name)).toEqual(["BANKTRANLIST", "LEDGERBAL"]);
    expect(stmt.children[0]!.children.map((c) => pathText(c, "TRNAMT"))).toEqual(["1", "2"]);
    expect(inferred.map((e) => [e.name, e.line])).toEqual([
      ["STMTTRN", 4],
      ["BANKTRANLIST", 3],
      ["STMTTRN", 6],
      ["LEDGERBAL", 8],
    ]);
  });

  it("refuses a file cut off in an aggregate or a tag", () => {
    expect(errorOf(() => parseSgml("<OFX>\n<STMTRS>\n<CURDEF>USD\n")).type).toBe("ofx/unclosed-aggregate");
    expect(errorOf(() => parseSgml("<OFX>\n<STMTRS")).type).toBe("ofx/truncated");
    expect(errorOf(() => parseSgml("<OFX><!-- never closed")).type).toBe("ofx/unclosed-comment");
  });

  it("handles deep nesting without recursion", () => {
    const depth = 50_000;
    const text = "<OFX>" + "<A>".repeat(depth) + "<B>1" + "</A>".repeat(depth) + "</OFX>";
    const root = parseSgml(text);
    expect([...walk(root)].length).toBe(depth + 3);
    expect(Object.keys(flattenLeaves(root.children[0]!))[0]!.split(".").length).toBe(depth + 1);
  });
});
