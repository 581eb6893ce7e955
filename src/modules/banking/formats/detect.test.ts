// Format recognition: every shared sample by folder, content without a file name, and files that are refused.
import { describe, expect, it } from "vitest";
import { zipSync } from "fflate";
import { detectFormat, StatementParseError, type FormatName } from "./index.ts";
import { sample, sampleFiles, withSamples } from "../../../../test/support/statement-samples.ts";

const FOLDER_FORMAT: Record<string, FormatName> = {
  ofx1: "ofx",
  ofx2: "ofx",
  qfx: "qfx",
  qif: "qif",
  csv: "csv",
  camt052: "camt052",
  camt053: "camt053",
  camt054: "camt054",
  mt940: "mt940",
  bai2: "bai2",
};

const text = (s: string) => new TextEncoder().encode(s);

describe("detectFormat", () => {
  for (const [folder, format] of Object.entries(FOLDER_FORMAT)) {
    it(`recognizes every sample in ${folder} as ${format}`, () => {
      for (const name of sampleFiles(folder)) {
        expect([name, detectFormat(sample(folder, name), name)]).toEqual([name, format]);
      }
    });
  }

  withSamples.it("recognizes complete files by content alone, without a file name", () => {
    expect(detectFormat(sample("ofx1", "ofxparse__bank_medium.ofx"))).toBe("ofx");
    expect(detectFormat(sample("ofx2", "libofx__ofx_spec201_stmtrs_example.xml"))).toBe("ofx");
    expect(detectFormat(sample("qif", "gnucash__web.qif"))).toBe("qif");
    expect(detectFormat(sample("bai2", "moj-bai2__citi_example.bai2"))).toBe("bai2");
    expect(detectFormat(sample("mt940", "php-mt940__Knab_sample.sta"))).toBe("mt940");
    expect(detectFormat(sample("mt940", "mt940__jejik_abnamro.sta"))).toBe("mt940");
    expect(detectFormat(sample("camt054", "genkgo-camt__camt054.v8.xml"))).toBe("camt054");
    expect(detectFormat(sample("csv", "oca__sheet_balance.csv"))).toBe("csv");
  });

  withSamples.it("uses the file name only for fragments the content cannot tell", () => {
    expect(detectFormat(sample("mt940", "mt940__self-provided_empty_non_swift.sta"), "x.sta")).toBe("mt940");
    expect(() => detectFormat(sample("mt940", "mt940__self-provided_empty_non_swift.sta"))).toThrowError(
      expect.objectContaining({ type: "unknown-format" }),
    );
    expect(detectFormat(text("OFXHEADER:100\n<OFX></OFX>"), "statement.QFX")).toBe("qfx");
  });

  withSamples.it("reads a zip as the format of its first entry", () => {
    expect(detectFormat(sample("camt053", "oca__test-camt053.zip"))).toBe("camt053");
    expect(detectFormat(zipSync({ "a.sta": text(":20:X\n:25:1\n") }))).toBe("mt940");
    expect(detectFormat(zipSync({ "readme.txt": text("hello"), "b.qif": text("!Type:Bank\n") }))).toBe("qif");
    expect(() => detectFormat(zipSync({ "readme.txt": text("hello") }))).toThrowError(
      expect.objectContaining({ type: "zip/no-statements" }),
    );
  });

  it.each([
    [new Uint8Array(), "empty-file"],
    [text("  \n\t\n"), "empty-file"],
    [text("this is totally not an ofx file"), "unknown-format"],
    [text('<?xml version="1.0"?><html><body/></html>'), "unknown-format"],
    [new Uint8Array([0, 1, 2, 3, 200, 201, 0, 7]), "unknown-format"],
  ])("refuses %j with %s", (bytes, type) => {
    let error: unknown;
    try {
      detectFormat(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StatementParseError);
    expect(error).toMatchObject({ type, line: null });
  });
});
