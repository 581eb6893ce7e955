// Date parsing for imported files.
import { describe, expect, it } from "vitest";
import { inferDayOrder, parseDate, parseDateColumn } from "./dates.ts";

describe("dates", () => {
  it.each([
    ["2015-01-15", "2015-01-15T00:00:00"],
    ["2015-01-15T13:45:10Z", "2015-01-15T13:45:10"],
    ["2015/1/5", "2015-01-05T00:00:00"],
    ["20-09-2018 12:04", "2018-09-20T12:04:00"],
    ["20/09/2018", "2018-09-20T00:00:00"],
    ["20.09.18", "2018-09-20T00:00:00"],
    ["12 Mar 2015", "2015-03-12T00:00:00"],
    ["Mar 12, 2015 3:05 PM", "2015-03-12T15:05:00"],
  ])("%s", (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it("reads month-first dates only when the column proves it", () => {
    expect(inferDayOrder(["01/02/2020", "03/04/2020"])).toBe("dmy");
    expect(inferDayOrder(["01/02/2020", "12/31/2020"])).toBe("mdy");
    expect(inferDayOrder(["13/02/2020", "01/02/2020"])).toBe("dmy");
    expect(parseDateColumn(["01/02/2020", "12/31/2020"])).toEqual([
      "2020-01-02T00:00:00",
      "2020-12-31T00:00:00",
    ]);
    expect(() => inferDayOrder(["13/02/2020", "12/31/2020"])).toThrow(/mixes/);
  });

  it("rejects impossible dates and names the row", () => {
    expect(parseDate("31-02-2020")).toBeNull();
    expect(parseDate("not a date")).toBeNull();
    expect(() => parseDateColumn(["2020-01-01", "2020-13-01"])).toThrow(/row 2/);
  });
});
