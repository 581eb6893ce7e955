// CSV column layouts on import: the detected layout is saved and reused, a layout given by the person
// is used and saved, and a layout saved for one account is used for others at the same bank.
import { describe, expect, it } from "vitest";
import { sample, withSamples } from "../../../test/support/statement-samples.ts";
import { getBankAccount } from "./account-service.ts";
import { importStatementFile, previewStatementFile } from "./import-service.ts";
import { csvOf } from "../../../test/support/bank-fixtures.ts";
import { account, c, t, upload, useImportDb } from "./import-test-support.ts";

useImportDb();

describe("saved CSV column layouts", () => {
  withSamples.it(
    "remembers the detected layout, reuses it, and detects again (with a warning) when a file's header differs",
    async () => {
      const a = await account("Mapped Checking");
      const first = await importStatementFile(
        t.ctx,
        c.actor,
        c.slug,
        a.id,
        upload(sample("csv", "reds__schwab__schwab_XXX234_Checking_Transactions_20220203.csv"), "schwab.csv"),
      );
      expect(first.mappingSaved).toBe(true);
      const saved = (await getBankAccount(t.ctx, c.actor, c.slug, a.id)).csvMapping!;
      expect(saved.header).toContain("Withdrawal");
      const other = await importStatementFile(
        t.ctx,
        c.actor,
        c.slug,
        a.id,
        upload(csvOf([{ date: "2026-04-01", amount: "-1.00", description: "Fee" }]), "plain.csv"),
      );
      expect(other.warnings.some((w) => /saved for this bank account does not fit/.test(w))).toBe(true);
      expect(other.mappingSaved).toBe(false);
      expect((await getBankAccount(t.ctx, c.actor, c.slug, a.id)).csvMapping).toEqual(saved);
    },
  );

  it("uses and saves a layout given by the person (money out written positive: never guessed)", async () => {
    const a = await account("Given Layout");
    const bytes = new TextEncoder().encode(
      "When;What;Value\n05.01.2026;Card fee;2,50\n06.01.2026;Refund;-1,00\n",
    );
    const guessed = await previewStatementFile(t.ctx, c.actor, c.slug, {
      bytes,
      fileName: "odd.csv",
      bankAccountRef: a.id,
    });
    expect(guessed.csv).toMatchObject({ mappingSource: "detected" });
    expect(guessed.csv!.rows).toContainEqual(["05.01.2026", "Card fee", "2,50"]);
    expect(guessed.lines.map((l) => l.amount)).toEqual(["2.50", "-1.00"]);
    const mapping = {
      version: 1 as const,
      delimiter: ";" as const,
      header: ["When", "What", "Value"],
      skipRecords: 0,
      columns: {
        date: 0,
        amount: 2,
        debit: null,
        credit: null,
        indicator: null,
        description: 1,
        payee: null,
        reference: null,
        id: null,
        balance: null,
        currency: null,
        account: null,
      },
      dateOrder: "DMY" as const,
      decimalSeparator: "," as const,
      sign: "inverted" as const,
    };
    const preview = await previewStatementFile(t.ctx, c.actor, c.slug, {
      bytes,
      fileName: "odd.csv",
      bankAccountRef: a.id,
      csvMapping: mapping,
    });
    expect(preview.lines.map((l) => [l.date, l.amount, l.description])).toEqual([
      ["2026-01-05", "-2.50", "Card fee"],
      ["2026-01-06", "1.00", "Refund"],
    ]);
    expect(preview.csv).toMatchObject({ mappingSource: "given", columns: ["When", "What", "Value"] });
    const summary = await importStatementFile(t.ctx, c.actor, c.slug, a.id, {
      ...upload(bytes, "odd.csv"),
      csvMapping: mapping,
    });
    expect(summary).toMatchObject({ newLines: 2, mappingSaved: true });
    // The next file of this bank needs no mapping.
    const next = new TextEncoder().encode("When;What;Value\n07.01.2026;Card fee;2,50\n");
    expect(
      (await importStatementFile(t.ctx, c.actor, c.slug, a.id, upload(next, "odd-2.csv"))).newLines,
    ).toBe(1);
  });
});

describe("CSV layouts remembered per bank", () => {
  it("reads a new account's first CSV with the layout saved for another account at the same bank", async () => {
    const layout = {
      version: 1 as const,
      delimiter: ";" as const,
      header: ["When", "What", "Value"],
      skipRecords: 0,
      columns: {
        date: 0,
        amount: 2,
        debit: null,
        credit: null,
        indicator: null,
        description: 1,
        payee: null,
        reference: null,
        id: null,
        balance: null,
        currency: null,
        account: null,
      },
      dateOrder: "DMY" as const,
      decimalSeparator: "," as const,
      sign: "inverted" as const,
    };
    const file = (day: string) => new TextEncoder().encode(`When;What;Value\n${day}.01.2026;Card fee;2,50\n`);
    const first = await account("Layout Card One", "USD", { institutionName: "Layout Bank" });
    await importStatementFile(t.ctx, c.actor, c.slug, first.id, {
      ...upload(file("05"), "one.csv"),
      csvMapping: layout,
    });
    const second = await account("Layout Card Two", "USD", { institutionName: "layout bank" });
    const preview = await previewStatementFile(t.ctx, c.actor, c.slug, {
      bytes: file("06"),
      fileName: "two.csv",
      bankAccountRef: second.id,
    });
    expect(preview.csv?.mappingSource).toBe("bank");
    expect(preview.lines[0]).toMatchObject({ date: "2026-01-06", amount: "-2.50" });
    const summary = await importStatementFile(
      t.ctx,
      c.actor,
      c.slug,
      second.id,
      upload(file("06"), "two.csv"),
    );
    expect(summary.mappingSaved).toBe(true);
    expect((await getBankAccount(t.ctx, c.actor, c.slug, second.id)).csvMapping).toEqual(layout);
    // An account at another bank does not inherit it: its columns are detected (and money out is not guessed positive).
    const elsewhere = await account("Elsewhere Card", "USD", { institutionName: "Other Bank" });
    const detected = await previewStatementFile(t.ctx, c.actor, c.slug, {
      bytes: file("07"),
      fileName: "three.csv",
      bankAccountRef: elsewhere.id,
    });
    expect(detected.csv?.mappingSource).toBe("detected");
    expect(detected.lines[0]!.amount).toBe("2.50");
  });
});
