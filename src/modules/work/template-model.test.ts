// Project templates: relative due dates, their sense checks (a refusal names the field), and the
// plan of a period's tasks.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AppError } from "../../platform/errors.ts";
import { periodFromKey, isBusinessDay, type Recurrence } from "./calendar-model.ts";
import {
  checkTemplate,
  dueDateFor,
  MAX_BUSINESS_DAYS,
  planPeriod,
  type Blueprint,
  type DueRule,
  type TemplateInput,
} from "./template-model.ts";

const bp = (due: DueRule, title = "Task"): Blueprint => ({
  title,
  type: "custom",
  description: "",
  priority: "normal",
  due,
  assignee: { kind: "none" },
  checklist: [],
});

function refusal(input: TemplateInput): { code: string; field: string | undefined; detail: string } {
  try {
    checkTemplate(input);
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, field: e.field, detail: e.detail };
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("due dates relative to a period", () => {
  const march = periodFromKey("2026-03")!;
  it("puts day N of the month in the month after the period", () => {
    expect(dueDateFor({ kind: "day_of_month", day: 3 }, march)).toBe("2026-04-03");
    expect(dueDateFor({ kind: "day_of_month", day: 15 }, periodFromKey("2026-12")!)).toBe("2027-01-15");
    expect(dueDateFor({ kind: "day_of_month", day: 5 }, periodFromKey("2026-Q1")!)).toBe("2026-04-05");
  });
  it("counts business days before and after close", () => {
    expect(dueDateFor({ kind: "business_days_before_close", days: 2 }, march)).toBe("2026-03-27");
    expect(dueDateFor({ kind: "business_days_before_close", days: 0 }, march)).toBe("2026-03-31");
    // May 2026 ends on a Sunday: close counts from Friday the 29th.
    expect(dueDateFor({ kind: "business_days_before_close", days: 2 }, periodFromKey("2026-05")!)).toBe(
      "2026-05-27",
    );
    expect(dueDateFor({ kind: "business_days_after_close", days: 2 }, march)).toBe("2026-04-02");
  });
  it("finds the last business day", () => {
    expect(dueDateFor({ kind: "last_business_day" }, periodFromKey("2026-05")!)).toBe("2026-05-29");
    expect(dueDateFor({ kind: "last_business_day" }, periodFromKey("2026")!)).toBe("2026-12-31");
  });
  it("keeps every checked rule inside its window (property)", () => {
    const recurrence = fc.constantFrom<Recurrence>("monthly", "quarterly", "yearly");
    fc.assert(
      fc.property(
        recurrence,
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.nat(),
        (r, y, m, n) => {
          const key =
            r === "monthly"
              ? `${y}-${String(m).padStart(2, "0")}`
              : r === "quarterly"
                ? `${y}-Q${1 + (m % 4)}`
                : `${y}`;
          const p = periodFromKey(key)!;
          const days = n % (MAX_BUSINESS_DAYS[r] + 1);
          const before = dueDateFor({ kind: "business_days_before_close", days }, p);
          expect(before >= p.start && before <= p.end).toBe(true);
          expect(isBusinessDay(before)).toBe(true);
          const last = dueDateFor({ kind: "last_business_day" }, p);
          expect(last <= p.end && isBusinessDay(last)).toBe(true);
          const after = dueDateFor({ kind: "business_days_after_close", days: Math.max(1, days) }, p);
          expect(after > p.end).toBe(true);
        },
      ),
    );
  });
});

describe("template checks", () => {
  const good: TemplateInput = {
    name: "Monthly close",
    recurrence: "monthly",
    blueprints: [
      bp({ kind: "day_of_month", day: 3 }, "Request statements"),
      bp({ kind: "last_business_day" }),
    ],
  };
  it("accepts a sensible template and plans its period", () => {
    const t = checkTemplate(good);
    expect(planPeriod(t, periodFromKey("2026-03")!).map((p) => [p.index, p.title, p.dueDate])).toEqual([
      [0, "Request statements", "2026-04-03"],
      [1, "Task", "2026-03-31"],
    ]);
  });
  it("refuses a day no month has, naming the field", () => {
    const r = refusal({ ...good, blueprints: [good.blueprints[0]!, bp({ kind: "day_of_month", day: 31 })] });
    expect(r).toMatchObject({ code: "work/invalid-template", field: "blueprints[1].due.day" });
    expect(r.detail).toMatch(/not every month has a day 31/);
    expect(refusal({ ...good, blueprints: [bp({ kind: "day_of_month", day: 0 })] }).field).toBe(
      "blueprints[0].due.day",
    );
    expect(refusal({ ...good, blueprints: [bp({ kind: "day_of_month", day: 2.5 })] }).field).toBe(
      "blueprints[0].due.day",
    );
  });
  it("refuses counts that leave the period", () => {
    expect(
      refusal({ ...good, blueprints: [bp({ kind: "business_days_before_close", days: 25 })] }),
    ).toMatchObject({
      field: "blueprints[0].due.days",
    });
    expect(
      refusal({ ...good, blueprints: [bp({ kind: "business_days_before_close", days: -1 })] }).field,
    ).toBe("blueprints[0].due.days");
    expect(refusal({ ...good, blueprints: [bp({ kind: "business_days_after_close", days: 0 })] }).field).toBe(
      "blueprints[0].due.days",
    );
    // A quarter is long enough for 25.
    expect(() =>
      checkTemplate({
        ...good,
        recurrence: "quarterly",
        blueprints: [bp({ kind: "business_days_before_close", days: 25 })],
      }),
    ).not.toThrow();
  });
  it("refuses an unknown rule, an empty template and an empty title", () => {
    expect(refusal({ ...good, blueprints: [bp({ kind: "whenever" as never })] }).field).toBe(
      "blueprints[0].due.kind",
    );
    expect(refusal({ ...good, blueprints: [] }).field).toBe("blueprints");
    expect(refusal({ ...good, blueprints: [bp({ kind: "last_business_day" }, "  ")] }).field).toBe(
      "blueprints[0].title",
    );
    expect(refusal({ ...good, name: "" }).field).toBe("name");
  });
});
