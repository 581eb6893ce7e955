// Test helpers only: an OFX bank statement (with its LEDGERBAL closing balance) written from lines,
// for the reconciliation's service, route and CLI tests.

export interface OfxLine {
  fitid: string;
  date: string;
  amount: string;
  name: string;
  checkNumber?: string;
}

export function ofxStatement(s: {
  from: string;
  to: string;
  closing: string;
  lines: readonly OfxLine[];
}): Uint8Array {
  const d = (date: string) => date.replaceAll("-", "");
  const lines = s.lines
    .map(
      (l) =>
        `<STMTTRN><TRNTYPE>${l.amount.startsWith("-") ? (l.checkNumber ? "CHECK" : "DEBIT") : "CREDIT"}</TRNTYPE>` +
        `<DTPOSTED>${d(l.date)}</DTPOSTED><TRNAMT>${l.amount}</TRNAMT><FITID>${l.fitid}</FITID>` +
        (l.checkNumber ? `<CHECKNUM>${l.checkNumber}</CHECKNUM>` : "") +
        `<NAME>${l.name}</NAME></STMTTRN>`,
    )
    .join("\n");
  return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>
<?OFX OFXHEADER="200" VERSION="211" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
<STMTRS><CURDEF>USD</CURDEF><BANKACCTFROM><BANKID>102000021</BANKID><ACCTID>5550019876</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>
<BANKTRANLIST><DTSTART>${d(s.from)}</DTSTART><DTEND>${d(s.to)}</DTEND>
${lines}
</BANKTRANLIST><LEDGERBAL><BALAMT>${s.closing}</BALAMT><DTASOF>${d(s.to)}</DTASOF></LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
`);
}

/** March 2026 of the checking account: four lines the books have, and a Staples charge they miss. */
export const MARCH: { from: string; to: string; closing: string; lines: OfxLine[] } = {
  from: "2026-03-01",
  to: "2026-03-31",
  closing: "3000.00",
  lines: [
    { fitid: "F1", date: "2026-03-02", amount: "-45.00", name: "POS DEBIT SHELL OIL" },
    { fitid: "F2", date: "2026-03-05", amount: "1250.00", name: "DEPOSIT CACTUS DESIGN" },
    { fitid: "F3", date: "2026-03-10", amount: "-400.00", name: "CHECK 1042", checkNumber: "1042" },
    { fitid: "F4", date: "2026-03-16", amount: "-129.99", name: "COMCAST CABLE" },
    { fitid: "F5", date: "2026-03-20", amount: "-32.00", name: "STAPLES STORE" },
  ],
};
