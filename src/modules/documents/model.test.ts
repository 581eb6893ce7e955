// The pure rules of documents: acceptable names and archive paths, kinds sniffed from bytes, the
// standard tree, statement months read from names, and missing months.
import { describe, expect, it } from "vitest";
import { archivePath, isArchiveClutter, nameRefusal } from "./name-model.ts";
import { sniff } from "./content-type-model.ts";
import { standardTree } from "./folder-tree-model.ts";
import { missingStatements, monthsBetween, statementMonthFromName } from "./missing-statements-model.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("names", () => {
  it("accepts ordinary names, in any script", () => {
    for (const n of ["March statement.pdf", "выписка.csv", "a", "Q1 (final) – v2.xlsx", "x".repeat(255)])
      expect(nameRefusal(n), n).toBeNull();
  });
  it("refuses path tricks, control characters, reserved and dangling names", () => {
    for (const n of [
      "",
      "  ",
      ".",
      "..",
      "../a.pdf",
      "a/b",
      "a\\b",
      "/etc",
      "C:x",
      "a\u0000b",
      "a\u001fb",
      "a\u0085b",
      "CON",
      "con.txt",
      "LPT1.pdf",
      "COM9",
      "x.",
      "x. ",
      "a:b",
      "a|b",
      "x".repeat(256),
    ])
      expect(nameRefusal(n), JSON.stringify(n)).not.toBeNull();
  });
  it("reads archive paths into folders and a name, refusing any that climbs out or starts at a root", () => {
    expect(archivePath("Bank A/2026/./march.pdf")).toEqual({
      folders: ["Bank A", "2026"],
      name: "march.pdf",
    });
    expect(archivePath("a\\b.pdf")).toEqual({ folders: ["a"], name: "b.pdf" });
    for (const p of ["../x.pdf", "a/../../x.pdf", "/x.pdf", "C:\\x.pdf", "a/CON.pdf", "a\u0000.pdf"])
      expect(archivePath(p)).toHaveProperty("refusal");
    expect(isArchiveClutter("__MACOSX/a/._b.pdf")).toBe(true);
    expect(isArchiveClutter("folder/.DS_Store")).toBe(true);
    expect(isArchiveClutter("folder/b.pdf")).toBe(false);
  });
});

describe("sniffing", () => {
  it("tells kinds by their bytes, not their names", () => {
    expect(sniff(bytes("%PDF-1.7\n"), "x.png")?.kind).toBe("pdf");
    expect(sniff(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), "x.pdf")?.kind).toBe("jpeg");
    expect(sniff(bytes("GIF89a...."), "x")?.kind).toBe("gif");
    expect(sniff(bytes("RIFF\0\0\0\0WEBPVP8 "), "x")?.kind).toBe("webp");
    expect(sniff(bytes("PK\u0003\u0004\u0014\0\0\0[Content_Types].xml xl/workbook.xml"), "a.zip")?.kind).toBe(
      "xlsx",
    );
    expect(sniff(bytes("PK\u0003\u0004\u0014\0\0\0hello.txt"), "a.xlsx")?.kind).toBe("zip");
    expect(sniff(bytes("OFXHEADER:100\nDATA:OFXSGML\n"), "a.txt")?.kind).toBe("ofx");
    expect(sniff(bytes('<?xml version="1.0"?><?OFX OFXHEADER="200"?><OFX>'), "a.xml")?.kind).toBe("ofx");
    expect(
      sniff(bytes('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022">'), "camt.053")?.kind,
    ).toBe("xml");
    expect(sniff(bytes("Date;Amount\n2026-01-01;1,00\n2026-01-02;2,00\n"), "a.txt")?.kind).toBe("csv");
    expect(sniff(bytes(":20:STARTUMS\n:25:12345678\n"), "mt940.sta")?.kind).toBe("text");
    expect(sniff(new Uint8Array([0x44, 0x61, 0x74, 0x65, 0xe9, 0x0a]), "latin1.txt")?.kind).toBe("text");
  });
  it("refuses what a browser would run, executables and binary noise", () => {
    for (const b of [
      bytes("<!DOCTYPE html><html>"),
      bytes("<html><body>"),
      bytes('<svg xmlns="http://www.w3.org/2000/svg">'),
      bytes("<?xml version='1.0'?><svg><script>1</script></svg>"),
      bytes("MZ\u0090\u0000\u0003"),
      new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
      new Uint8Array([0, 1, 2, 3]),
      new Uint8Array(0),
    ])
      expect(sniff(b, "file.pdf")).toBeNull();
  });
});

describe("the standard tree", () => {
  it("has the product's folders, an account folder per account with its years, and tells same-named accounts apart", () => {
    const plan = standardTree(
      [
        { id: "00000000-0000-0000-0000-00000000000a", name: "Checking", mask: "1234" },
        { id: "00000000-0000-0000-0000-00000000000b", name: "Checking", mask: "9876" },
      ],
      () => 2025,
      2026,
    );
    expect(plan.filter((p) => !p.parentKey).map((p) => p.name)).toEqual([
      "Bank statements",
      "Payroll",
      "Loans",
      "AR payment details",
      "AP",
      "Receipts",
      "Tax",
      "Onboarding",
    ]);
    expect(plan.filter((p) => p.parentKey === "bank-statements").map((p) => p.name)).toEqual([
      "Checking (…1234)",
      "Checking (…9876)",
    ]);
    expect(
      plan
        .filter((p) => p.parentKey === "bank-account:00000000-0000-0000-0000-00000000000a")
        .map((p) => p.name),
    ).toEqual(["2025", "2026"]);
    expect(new Set(plan.map((p) => p.key)).size).toBe(plan.length);
  });
});

describe("statement months", () => {
  it("reads the month a file name states", () => {
    const cases: Array<[string, string | null]> = [
      ["Statement 2026-03.pdf", "2026-03"],
      ["stmt_2026_11_30.pdf", "2026-11"],
      ["03-2026.pdf", "2026-03"],
      ["March 2026.pdf", "2026-03"],
      ["chase-sep-2025.ofx", "2025-09"],
      ["2025 December.csv", "2025-12"],
      ["20260131.qfx", "2026-01"],
      ["202602.csv", "2026-02"],
      ["2026-13.pdf", null],
      ["invoice 4711.pdf", null],
      ["scan.pdf", null],
    ];
    for (const [name, month] of cases) expect(statementMonthFromName(name), name).toBe(month);
  });
  it("lists the months from an account's start to last month that have no statement", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-05", "2026-04")).toEqual([]);
    const [m] = missingStatements(
      [{ accountId: "a", accountName: "Checking", start: "2025-12", covered: ["2026-01", "2026-07"] }],
      "2026-04-10",
    );
    expect(m).toEqual({
      accountId: "a",
      accountName: "Checking",
      start: "2025-12",
      through: "2026-03",
      expected: 4,
      missing: ["2025-12", "2026-02", "2026-03"],
    });
    // An account that starts this month expects nothing yet.
    expect(
      missingStatements(
        [{ accountId: "b", accountName: "New", start: "2026-04", covered: [] }],
        "2026-04-10",
      )[0]!.missing,
    ).toEqual([]);
  });
});
