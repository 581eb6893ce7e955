import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors.ts";
import {
  checkService,
  completeOn,
  coversMonth,
  planMonth,
  type ServiceDefinition,
} from "./catalogue-model.ts";
import { DEFAULT_CATALOGUE } from "./default-catalogue.ts";

const byCode = (code: string) => DEFAULT_CATALOGUE.find((s) => s.code === code)!;
const accounts = [
  { id: "a1", name: "Checking", kind: "bank" as const },
  { id: "a2", name: "Savings", kind: "bank" as const },
  { id: "c1", name: "Amex", kind: "credit_card" as const },
];

function refusal(input: unknown): { code: string; field: string | undefined } {
  try {
    checkService(input as ServiceDefinition);
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, field: e.field };
    throw e;
  }
  throw new Error("accepted");
}

describe("the default catalogue", () => {
  it("has the seven basic and ten advanced services, each valid and with a task", () => {
    expect(DEFAULT_CATALOGUE.filter((s) => s.tier === "basic")).toHaveLength(7);
    expect(DEFAULT_CATALOGUE.filter((s) => s.tier === "advanced")).toHaveLength(10);
    expect(new Set(DEFAULT_CATALOGUE.map((s) => s.code)).size).toBe(17);
    for (const s of DEFAULT_CATALOGUE) {
      expect(checkService(s)).toEqual(s);
      expect(s.tasks.length).toBeGreaterThan(0);
      expect(s.checklist.length).toBeGreaterThan(0);
    }
  });
});

describe("checkService", () => {
  const ok = byCode("payroll_journal_entries");
  it("names the field it refuses", () => {
    expect(refusal({ ...ok, code: "Payroll!" })).toEqual({ code: "services/invalid-service", field: "code" });
    expect(refusal({ ...ok, tier: "premium" }).field).toBe("tier");
    expect(refusal({ ...ok, tasks: [{ title: "x", dueDay: 31 }] }).field).toBe("tasks[0].dueDay");
    expect(refusal({ ...ok, requiredInfo: [{ kind: "fax", name: "x" }] }).field).toBe("requiredInfo[0].kind");
    expect(refusal({ ...ok, checklist: ["A", "a"] }).field).toBe("checklist[1]");
    expect(refusal({ ...ok, cutOff: { day: 0, rule: "" } }).field).toBe("cutOff.day");
    expect(refusal({ ...ok, name: "  " }).field).toBe("name");
  });
  it("trims text", () => {
    expect(checkService({ ...ok, name: "  Payroll  ", checklist: [" Tie out "] })).toMatchObject({
      name: "Payroll",
      checklist: ["Tie out"],
    });
  });
});

describe("planMonth", () => {
  it("asks one statement per account of the right kind, shared by the services that need it", () => {
    const plan = planMonth(
      [byCode("transaction_categorization"), byCode("bank_card_reconciliation")],
      accounts,
    );
    expect(plan.requiredInfo.map((r) => [r.key, r.name, r.services.length])).toEqual([
      ["bank_statement:a1", "Bank statement: Checking", 2],
      ["bank_statement:a2", "Bank statement: Savings", 2],
      ["card_statement:c1", "Card statement: Amex", 2],
    ]);
    expect(plan.checklist).toHaveLength(5);
    expect(plan.checklist[0]).toMatchObject({
      key: "transaction_categorization:all-transactions-of-the-month-categorized",
      service: "transaction_categorization",
    });
    expect(plan.cutOffDay).toBe(3);
  });
  it("keeps checklist keys apart when two texts slug alike", () => {
    const svc = { ...byCode("month_end_close"), checklist: ["Tie out A-B", "Tie out A B"] };
    const keys = planMonth([svc], []).checklist.map((c) => c.key);
    expect(new Set(keys).size).toBe(2);
  });
  it("asks other kinds once by name, and nothing for services that need nothing", () => {
    const plan = planMonth([byCode("payroll_journal_entries"), byCode("month_end_close")], []);
    expect(plan.requiredInfo).toEqual([
      {
        key: "payroll_register:payroll-register",
        kind: "payroll_register",
        name: "Payroll register",
        accountId: null,
        services: ["payroll_journal_entries"],
      },
    ]);
    expect(planMonth([byCode("month_end_close")], accounts)).toMatchObject({
      requiredInfo: [],
      cutOffDay: null,
    });
  });
});

describe("coversMonth and completeOn", () => {
  it("covers the months from the first on, until the last", () => {
    expect(coversMonth({ from: "2026-03", until: null }, "2026-02")).toBe(false);
    expect(coversMonth({ from: "2026-03", until: null }, "2026-09")).toBe(true);
    expect(coversMonth({ from: "2026-03", until: "2026-05" }, "2026-06")).toBe(false);
  });
  it("is the latest arrival once every item is in", () => {
    const plan = planMonth([byCode("bank_card_reconciliation")], accounts).requiredInfo;
    const got = new Map<string, string | null>([
      ["bank_statement:a1", "2026-06-02"],
      ["bank_statement:a2", "2026-06-04"],
    ]);
    expect(completeOn(plan, got)).toBeNull();
    got.set("card_statement:c1", "2026-06-01");
    expect(completeOn(plan, got)).toBe("2026-06-04");
    expect(completeOn([], got)).toBeNull();
  });
});
