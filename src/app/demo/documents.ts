// The demo's documents: each client's standard folders, and in each bank and card account's folder
// two statements written from the demo's own bank lines (a CSV four months back, an OFX for last
// month), so the Documents page has files to show and Missing statements finds the two months
// between them missing.
// Idempotent: a client whose statements folder already holds documents is left as it is.
import { Readable } from "node:stream";
import { systemActor } from "../../platform/actor.ts";
import * as access from "../../modules/access/index.ts";
import * as banking from "../../modules/banking/index.ts";
import * as documents from "../../modules/documents/index.ts";
import type { DocumentsCtx } from "../../modules/documents/index.ts";
import { formatMinor } from "../../platform/money.ts";
import type { DemoClient } from "./activity.ts";

function previousMonths(today: string, n: number): string[] {
  const [y, m] = today.split("-").map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const index = y * 12 + (m - 1) - (i + 1);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  }).reverse();
}

function csvStatement(lines: DemoClient["bankLines"]): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return (
    [
      "Date,Description,Amount",
      ...lines.map((l) => `${l.date},${quote(l.text)},${formatMinor(l.amount, 2)}`),
    ].join("\n") + "\n"
  );
}

function ofxStatement(
  lines: DemoClient["bankLines"],
  account: { mask: string | null },
  month: string,
): string {
  const day = (d: string) => d.replaceAll("-", "");
  const rows = lines
    .map(
      (l, i) =>
        `<STMTTRN><TRNTYPE>${l.amount < 0n ? "DEBIT" : "CREDIT"}<DTPOSTED>${day(l.date)}<TRNAMT>${formatMinor(l.amount, 2)}<FITID>${day(l.date)}${i}<NAME>${l.text.slice(0, 32).replace(/[<>&]/g, " ")}</STMTTRN>`,
    )
    .join("\n");
  return `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><ACCTID>${account.mask ?? "0000"}</BANKACCTFROM>\n<BANKTRANLIST><DTSTART>${month.replace("-", "")}01\n${rows}\n</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n`;
}

export async function seedDemoDocuments(
  ctx: DocumentsCtx,
  firmId: string,
  books: readonly DemoClient[],
): Promise<void> {
  const actor = systemActor(firmId);
  for (const demo of books) {
    if (!(await access.clientExists(ctx.db, actor, demo.slug))) continue;
    const folders = await documents.listFolders(ctx, actor, demo.slug);
    const accounts = (await banking.bankOverview(ctx, actor, demo.slug)).bankAccounts;
    const statementFolders = new Set(folders.filter((f) => f.bank_account_id).map((f) => f.id));
    const filed = await documents.listDocuments(ctx, actor, demo.slug, {});
    if (filed.some((d) => statementFolders.has(d.folderId))) continue;
    for (const account of accounts) {
      const number = account.ledgerAccount.number;
      const months = previousMonths(ctx.clock.today(), 4);
      for (const [i, month] of [months[0]!, months[3]!].entries()) {
        const year = folders.find((f) => f.system_key === `bank-year:${account.id}:${month.slice(0, 4)}`);
        const lines = demo.bankLines.filter((l) => l.bank === number && l.date.startsWith(month));
        if (!year || lines.length === 0) continue;
        // One month as the bank's CSV export, the other as its OFX download.
        const [name, text] =
          i === 0
            ? [`${account.shortName} statement ${month}.csv`, csvStatement(lines)]
            : [`${account.shortName} statement ${month}.ofx`, ofxStatement(lines, account, month)];
        await documents.uploadDocument(ctx, actor, demo.slug, {
          folderId: year.id,
          fileName: name,
          stream: Readable.from([Buffer.from(text)]),
        });
      }
    }
    const onboarding = folders.find((f) => f.system_key === "onboarding");
    if (onboarding)
      await documents.uploadDocument(ctx, actor, demo.slug, {
        folderId: onboarding.id,
        fileName: "Welcome checklist.txt",
        stream: Readable.from([
          Buffer.from(
            `Welcome to ${demo.name}'s books at Northwind Bookkeeping.\n\n- Upload each month's bank and card statements to Bank statements.\n- Payroll reports go to Payroll, loan papers to Loans.\n`,
          ),
        ]),
      });
  }
}
