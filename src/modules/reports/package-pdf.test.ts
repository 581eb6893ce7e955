// The package's PDF and XLSX read back (pdfjs-dist legacy build; exceljs): the cover (firm, client,
// month), the table of contents with the pages the sections really start on, the attention page,
// the statements in whole dollars with their totals, the notes; the workbook's sheets, with the
// rounding line inside the total's formula.
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { balanceSheetTable, cashFlowTable, profitLossTable } from "./export-table-model.ts";
import { drawableLogo, packageDocument, type Unfinished } from "./package-model.ts";
import { packagePdf } from "./package-pdf.ts";
import { packageMonth } from "./package-settings-model.ts";
import { packageXlsx } from "./package-xlsx.ts";
import { balanceSheetFixture, cashFlowFixture, profitLossFixture } from "./test-fixtures.ts";

async function pagesText(bytes: Buffer): Promise<string[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
  }
  await doc.destroy();
  return pages;
}

const NONE: Unfinished = { drafts: 0, draftsEarlier: 0, bankLinesInReview: 0, oldestInReview: null };

function fixturePackage(unfinished: Unfinished, notes = "Rent rose in February.\nAsk about the laptop.") {
  const c = { clientName: "Acme Widgets Ltd" };
  return packageDocument({
    firmName: "Ledgerly Partners",
    clientName: "Acme Widgets Ltd",
    month: packageMonth("2026-02"),
    version: 3,
    preparedAt: "2026-03-04T10:00:00.000Z",
    preparedBy: "Jane Preparer",
    logo: null,
    statements: [
      balanceSheetTable(balanceSheetFixture(), c),
      profitLossTable(profitLossFixture(), c),
      cashFlowTable(cashFlowFixture(), c),
    ],
    rounding: true,
    notes,
    unfinished,
  });
}

describe("package PDF", () => {
  it("has the cover, a table of contents with true page numbers, the statements in whole dollars and the notes", async () => {
    const d = fixturePackage({
      drafts: 2,
      draftsEarlier: 0,
      bankLinesInReview: 5,
      oldestInReview: "2026-02-10",
    });
    const pages = await pagesText(await packagePdf(d));
    const [cover, contents] = pages;
    for (const s of [
      "Ledgerly Partners",
      "Acme Widgets Ltd",
      "Monthly report package",
      "February 2026",
      "Version 3",
    ])
      expect(cover).toContain(s);
    expect(cover).not.toContain("Page 1");
    expect(contents).toContain("Contents");
    // Each entry's page number is the page that section's title is on.
    const titles = [
      "Before you rely on these figures",
      "Balance sheet",
      "Profit and loss",
      "Statement of cash flows",
      "Notes",
    ];
    for (const title of titles) {
      const m = new RegExp(`${title}\\s+(\\d+)`).exec(contents!);
      expect(m, title).not.toBeNull();
      expect(
        pages[Number(m![1]) - 1]!.startsWith(title) || pages[Number(m![1]) - 1]!.includes(`${title} Acme`),
      ).toBe(true);
    }
    const all = pages.join("\n");
    expect(all).toContain("2 journal entries dated in February 2026 are still a draft");
    expect(all).toContain("5 bank lines wait for review (the oldest dated 2026-02-10)");
    expect(all).toContain("Rent rose in February.");
    expect(all).toContain("Ask about the laptop.");
    // Net income: January 3,300.75 − 1,200 = 2,100.75 → 2,101; February −455.50 − 1,200 + 0.37 =
    // −1,655.13 → (1,655), where the rounded sections make (1,656) and a rounding line of 1 shows;
    // the Total column is the rounded months' sum (446, as is 445.62 rounded).
    const pl = pages.find((p) => p.startsWith("Profit and loss"))!;
    expect(pl).toMatch(/Rounding\s+0\s+1\s+1\s+0\s+1\s+n\/a\s+Net income\s+2,101\s+\(1,655\)\s+446/);
    expect(all).not.toMatch(/\d\.\d\d\b/);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
  });

  it("has no attention page when nothing is unfinished, and no notes page without notes", async () => {
    const pages = await pagesText(await packagePdf(fixturePackage(NONE, "  ")));
    const all = pages.join("\n");
    expect(all).not.toContain("Before you rely on these figures");
    expect(pages[1]).not.toContain("Notes");
  });
});

describe("package XLSX", () => {
  it("has the package sheet, one sheet per statement, the notes, and rounding inside the formulas", async () => {
    const bytes = await packageXlsx(fixturePackage(NONE));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Package",
      "Balance sheet",
      "Profit and loss",
      "Cash flows",
      "Notes",
    ]);
    expect(wb.getWorksheet("Package")!.getCell("A2").value).toBe("Acme Widgets Ltd");
    const pl = wb.getWorksheet("Profit and loss")!;
    const rows: Array<{ n: number; label: string; b: unknown }> = [];
    pl.eachRow((row) =>
      rows.push({ n: row.number, label: String(row.getCell(1).value ?? ""), b: row.getCell(2).value }),
    );
    const roundings = rows.filter((r) => r.label === "Rounding");
    expect(roundings.length).toBeGreaterThan(0);
    for (const rounding of roundings) {
      const total = rows.find(
        (r) => r.n > rounding.n && r.label !== "Rounding" && /^(Total|Net income)/.test(r.label),
      )!;
      expect(String((total.b as { formula: string }).formula)).toContain(`B${rounding.n}`);
    }
    const net = rows.find((r) => r.label === "Net income")!.b as { result: number };
    expect(net.result).toBe(2101);
  });
});

/** A valid PNG of `size`×`size` pixels in the firm's colour (for the cover's logo). */
function png(size: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, 0x40)]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", pixels),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("the cover's logo", () => {
  it("draws a PNG logo, and leaves out what pdfkit cannot draw (SVG, WebP)", async () => {
    const logo = png(16);
    expect(drawableLogo(logo)).toBe(logo);
    expect(drawableLogo(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(drawableLogo(null)).toBeNull();
    const d = { ...fixturePackage(NONE), cover: { ...fixturePackage(NONE).cover, logo } };
    const withLogo = await packagePdf(d);
    const without = await packagePdf(fixturePackage(NONE));
    // The image is embedded (an XObject of the PNG's size), and the cover still reads the same.
    expect(withLogo.includes("/Subtype /Image")).toBe(true);
    expect(without.includes("/Subtype /Image")).toBe(false);
    expect((await pagesText(withLogo))[0]).toContain("Ledgerly Partners");
  });
});

/** The fill and stroke colours a page sets (pdfjs turns them into #rrggbb). */
async function pageColors(bytes: Buffer, page: number): Promise<string[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const ops = await (await doc.getPage(page)).getOperatorList();
  const out: string[] = [];
  ops.fnArray.forEach((fn, i) => {
    if (fn === OPS.setFillRGBColor || fn === OPS.setStrokeRGBColor) out.push(String(ops.argsArray[i]![0]));
  });
  await doc.destroy();
  return out;
}

describe("the firm's brand colour", () => {
  it("colours the cover, the headings and the workbook's cover sheet; without one the neutral look stays", async () => {
    const plain = fixturePackage(NONE);
    const branded = { ...plain, cover: { ...plain.cover, color: "#c0392b" } };
    const withColor = await packagePdf(branded);
    const without = await packagePdf(plain);
    expect(await pageColors(withColor, 1)).toContain("#c0392b");
    expect(await pageColors(withColor, 2)).toContain("#c0392b"); // the contents' title and rule
    expect(await pageColors(without, 1)).toContain("#1f3a5f");
    expect([...(await pageColors(without, 1)), ...(await pageColors(without, 2))]).not.toContain("#c0392b");
    // The cover reads the same either way.
    expect((await pagesText(withColor))[0]).toContain("Ledgerly Partners");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await packageXlsx(branded)) as unknown as ArrayBuffer);
    const a1 = wb.getWorksheet("Package")!.getCell("A1");
    expect(a1.value).toBe("Ledgerly Partners");
    expect(a1.font.color?.argb).toBe("FFC0392B");
    const plainWb = new ExcelJS.Workbook();
    await plainWb.xlsx.load((await packageXlsx(plain)) as unknown as ArrayBuffer);
    expect(plainWb.getWorksheet("Package")!.getCell("A1").font.color).toBeUndefined();
  });
});
