// The firm overview table's logic: each column sorts both ways with empty values last and ties by
// name, and each figure links to the filtered page that shows it.
import { describe, expect, it } from "vitest";
import type { OverviewClient } from "../../web/src/api/overview.ts";
import { daysBetween, overviewLinks, sortClients } from "../../web/src/modules/home/overview-model.ts";

const client = (
  name: string,
  waiting: number,
  oldest: string | null,
  auto: number,
  issues: number,
  lastImport: string | null,
): OverviewClient => ({
  id: name,
  slug: name.toLowerCase(),
  name,
  needsReview: { count: waiting, oldestDate: oldest },
  autoPosted: { count: auto },
  bankAccounts: {
    total: 2,
    quiet: Array.from({ length: issues }, (_, i) => ({
      id: `${name}${i}`,
      name: "Card",
      shortName: "card",
      lastLineDate: null,
    })),
    connections: [],
  },
  lastImport: lastImport
    ? { at: lastImport, bankAccountId: "b", bankAccountName: "Checking", newLines: 1, source: "upload" }
    : null,
});

const list = [
  client("Cedar", 5, "2026-06-01", 10, 0, "2026-07-01T10:00:00.000Z"),
  client("alder", 0, null, 40, 2, null),
  client("Birch", 5, "2026-05-20", 0, 1, "2026-06-01T10:00:00.000Z"),
];
const names = (rows: OverviewClient[]) => rows.map((c) => c.name);

describe("sortClients", () => {
  it("sorts by each column, both ways, ties by name", () => {
    expect(names(sortClients(list, "name", "asc"))).toEqual(["alder", "Birch", "Cedar"]);
    expect(names(sortClients(list, "name", "desc"))).toEqual(["Cedar", "Birch", "alder"]);
    expect(names(sortClients(list, "needsReview", "desc"))).toEqual(["Birch", "Cedar", "alder"]);
    expect(names(sortClients(list, "needsReview", "asc"))).toEqual(["alder", "Birch", "Cedar"]);
    expect(names(sortClients(list, "autoPosted", "desc"))).toEqual(["alder", "Cedar", "Birch"]);
    expect(names(sortClients(list, "bankFeeds", "desc"))).toEqual(["alder", "Birch", "Cedar"]);
  });

  it("puts clients with nothing waiting or never imported last, whichever the direction", () => {
    expect(names(sortClients(list, "oldest", "asc"))).toEqual(["Birch", "Cedar", "alder"]);
    expect(names(sortClients(list, "oldest", "desc"))).toEqual(["Cedar", "Birch", "alder"]);
    expect(names(sortClients(list, "lastImport", "asc"))).toEqual(["Birch", "Cedar", "alder"]);
    expect(names(sortClients(list, "lastImport", "desc"))).toEqual(["Cedar", "Birch", "alder"]);
  });

  it("leaves the given list as it was", () => {
    sortClients(list, "name", "desc");
    expect(names(list)).toEqual(["Cedar", "alder", "Birch"]);
  });
});

describe("overviewLinks", () => {
  it("links each figure to its filtered page", () => {
    expect(overviewLinks.needsReview("bluebird")).toBe("/c/bluebird/transactions?tab=needs_review");
    expect(overviewLinks.oldest("bluebird", "2026-06-10")).toBe(
      "/c/bluebird/transactions?tab=needs_review&to=2026-06-10",
    );
    expect(overviewLinks.autoPosted("bluebird", { from: "2026-07-01", to: "2026-07-31" })).toBe(
      "/c/bluebird/transactions?tab=processed&untouched=true&from=2026-07-01&to=2026-07-31",
    );
    expect(overviewLinks.bankAccount("bluebird", "abc")).toBe("/c/bluebird/banking/accounts/abc");
  });

  it("counts days across a month end", () => {
    expect(daysBetween("2026-06-24", "2026-07-01")).toBe(7);
  });
});
