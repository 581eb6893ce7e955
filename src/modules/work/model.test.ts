// Tasks: overdue and upcoming relative to today, open statuses, references by type.
import { describe, expect, it } from "vitest";
import { dueRangeOf, dueState, misplacedRef } from "./model.ts";

describe("due state", () => {
  const today = "2026-06-15";
  it("marks open tasks due before today overdue", () => {
    expect(dueState({ status: "to_do", dueDate: "2026-06-14" }, today)).toBe("overdue");
    expect(dueState({ status: "in_progress", dueDate: "2025-01-01" }, today)).toBe("overdue");
  });
  it("marks open tasks due today to a week ahead upcoming", () => {
    expect(dueState({ status: "to_do", dueDate: "2026-06-15" }, today)).toBe("upcoming");
    expect(dueState({ status: "to_do", dueDate: "2026-06-22" }, today)).toBe("upcoming");
    expect(dueState({ status: "to_do", dueDate: "2026-06-23" }, today)).toBeNull();
  });
  it("never marks closed or undated tasks", () => {
    expect(dueState({ status: "done", dueDate: "2026-06-01" }, today)).toBeNull();
    expect(dueState({ status: "rejected", dueDate: "2026-06-16" }, today)).toBeNull();
    expect(dueState({ status: "to_do", dueDate: null }, today)).toBeNull();
  });
  it("gives the matching date ranges for filters", () => {
    expect(dueRangeOf("overdue", today)).toEqual({ to: "2026-06-14" });
    expect(dueRangeOf("upcoming", today)).toEqual({ from: "2026-06-15", to: "2026-06-22" });
  });
});

describe("references by type", () => {
  it("refuses a reference on a type that does not carry it", () => {
    expect(misplacedRef("custom", { folder: "Tax" })).toBe("folder");
    expect(misplacedRef("document_upload_request", { folder: "Tax" })).toBeNull();
    expect(misplacedRef("credential_request", { connectionId: "x" })).toBe("connectionId");
    expect(misplacedRef("bank_connection_request", { credential: { site: "x" } })).toBe("credential");
  });
});
