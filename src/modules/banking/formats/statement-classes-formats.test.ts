// Our own clean files of the formats the other fixtures reach only through a quirk (OFX 2 in XML,
// QFX, an MT940 with SEPA details), read field by field: with the shared samples absent (a clone of
// the repository alone) these keep every format's reading checked to the value.
import { describe, expect, it } from "vitest";
import { fixture } from "../../../../test/support/statement-fixtures.ts";
import { parseStatementFile } from "./index.ts";

const parse = (name: string) => parseStatementFile(fixture(name), { fileName: name });

describe("clean statement fixtures", () => {
  it("reads an OFX 2 (XML) checking statement: account, balance, payee and memo, check number", () => {
    const file = parse("ofx2-checking.ofx");
    expect(file.format).toBe("ofx");
    expect(file.warnings).toEqual([]);
    const [s] = file.statements;
    expect(s).toMatchObject({
      account: { id: "5550019876", currency: "USD", type: "CHECKING", institution: "Juniper Valley Bank" },
      start: "2024-03-01",
      end: "2024-03-31",
      closingBalance: "3763.60",
    });
    expect(s!.transactions).toEqual([
      {
        id: "JVB-20240304-001",
        date: "2024-03-04",
        amount: "-86.40",
        description: "Toner and paper",
        payee: "Mesa Office Supply",
        reference: null,
      },
      {
        id: "JVB-20240315-002",
        date: "2024-03-15",
        amount: "1250.00",
        description: "Invoice 2024-031",
        payee: "Cactus Design LLC",
        reference: null,
      },
      {
        id: "JVB-20240322-003",
        date: "2024-03-22",
        amount: "-400.00",
        description: "Check 1042",
        payee: "Check 1042",
        reference: "1042",
      },
    ]);
  });

  it("reads a QFX credit-card statement as qfx, charges negative and the payment positive", () => {
    const file = parse("qfx-credit-card.qfx");
    expect(file.format).toBe("qfx");
    expect(file.warnings).toEqual([]);
    const [s] = file.statements;
    expect(s!.account).toEqual({
      id: "4111000000003321",
      currency: "USD",
      type: "CREDITCARD",
      institution: "Harbor Card Services",
    });
    expect(s!.transactions.map((t) => [t.date, t.amount, t.payee, t.description])).toEqual([
      ["2024-04-03", "-23.75", "Tidewater Diner", "Tidewater Diner"],
      ["2024-04-18", "-119.99", "Anchor Software Subscr", "Annual plan"],
      ["2024-04-25", "143.74", "Payment - thank you", "Payment - thank you"],
    ]);
    expect(s!.closingBalance).toBe("0.00");
  });

  it("reads an MT940 with SEPA /NAME/ and /REMI/ details, balances agreeing with the lines", () => {
    const file = parse("mt940-clean.sta");
    expect(file.format).toBe("mt940");
    expect(file.warnings).toEqual([]);
    const [s] = file.statements;
    expect(s).toMatchObject({
      account: { id: "NL91ABNA0417164300", currency: "EUR" },
      openingBalance: "2500.00",
      closingBalance: "3654.10",
    });
    expect(s!.transactions).toEqual([
      {
        id: "B4D05KX91",
        date: "2024-04-05",
        amount: "-45.90",
        description: "Factuur 8812 brood april",
        payee: "Bakkerij de Molen",
        reference: null,
      },
      {
        id: "B4D05KX92",
        date: "2024-04-05",
        amount: "1200.00",
        description: "INV-2024-17",
        payee: "Fietsenmakerij Spaak BV",
        reference: "INV-2024-17",
      },
    ]);
  });
});
