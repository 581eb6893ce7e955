// Date reading: real calendar dates only, short years, and day/month order guessed from whole files.
import { describe, expect, it } from "vitest";
import {
  detectDateOrder,
  expandYear,
  makeDate,
  parseCompactDate,
  parseIsoDate,
  parseYymmdd,
  resolveDate,
  splitDate,
} from "./dates.ts";

describe("makeDate", () => {
  it("accepts real dates only", () => {
    expect(makeDate(2024, 2, 29)).toBe("2024-02-29");
    expect(makeDate(2023, 2, 29)).toBeNull();
    expect(makeDate(2016, 2, 30)).toBeNull();
    expect(makeDate(1900, 2, 29)).toBeNull();
    expect(makeDate(2000, 2, 29)).toBe("2000-02-29");
    expect(makeDate(2024, 13, 1)).toBeNull();
    expect(makeDate(2024, 4, 31)).toBeNull();
  });
});

describe("years", () => {
  it("expands two- and three-digit years", () => {
    expect(expandYear("98")).toBe(1998);
    expect(expandYear("69")).toBe(1969);
    expect(expandYear("68")).toBe(2068);
    expect(expandYear("05")).toBe(2005);
    expect(expandYear("099")).toBe(1999);
    expect(expandYear("103")).toBe(2003);
    expect(expandYear("2024")).toBe(2024);
  });
});

describe("fixed formats", () => {
  it("reads OFX, ISO and SWIFT dates", () => {
    expect(parseCompactDate("20090209000000[-5:EST]")).toBe("2009-02-09");
    expect(parseCompactDate("20120231")).toBeNull();
    expect(parseIsoDate("2014-12-31T13:15:00+01:00")).toBe("2014-12-31");
    expect(parseIsoDate("2025-07-23T00:00:00.000000000")).toBe("2025-07-23");
    expect(parseIsoDate("31.12.2014")).toBeNull();
    expect(parseYymmdd("160229")).toBe("2016-02-29");
    expect(parseYymmdd("160230")).toBeNull();
  });
});

describe("splitDate and resolveDate", () => {
  it("reads the US Quicken style with spaces and an apostrophe", () => {
    const d = splitDate("1/ 2'98");
    expect(d?.parts).toEqual(["1", "2", "98"]);
    expect(resolveDate(d!, "MDY")).toBe("1998-01-02");
    expect(resolveDate(splitDate("12/25'05")!, "MDY")).toBe("2005-12-25");
  });

  it("reads every order it is told", () => {
    const d = splitDate("05/01/15")!;
    expect(resolveDate(d, "MDY")).toBe("2015-05-01");
    expect(resolveDate(d, "DMY")).toBe("2015-01-05");
    expect(resolveDate(splitDate("2023-01-27")!, "YMD")).toBe("2023-01-27");
    expect(resolveDate(splitDate("20230127")!, "YMD")).toBe("2023-01-27");
    expect(resolveDate(splitDate("27.01.2023")!, "DMY")).toBe("2023-01-27");
  });

  it("reads month names, which fix the order", () => {
    expect(resolveDate(splitDate("27 Jan 2023")!, "DMY")).toBe("2023-01-27");
    expect(resolveDate(splitDate("27-Jan-2023")!, "MDY")).toBeNull();
    expect(resolveDate(splitDate("Jan 27, 2023")!, "MDY")).toBe("2023-01-27");
  });

  it("ignores a time of day but reports other trailing text", () => {
    expect(splitDate("01/24/2023 10:28 am")?.trailing).toBe("");
    expect(splitDate("2024-03-11T10:00:00+02:00")?.trailing).toBe("");
    expect(splitDate("03/25/099Share Withdrawal")?.trailing).toBe("Share Withdrawal");
    expect(splitDate("not a date")).toBeNull();
  });
});

describe("detectDateOrder", () => {
  const parts = (...texts: string[]) => texts.map((t) => splitDate(t)!);

  it("finds the only order that fits every sample", () => {
    expect(detectDateOrder(parts("8/12/13", "8/15/13"), "DMY")).toEqual({ order: "MDY", ambiguous: false });
    expect(detectDateOrder(parts("29/12/2015", "12/02/2016"), "MDY")).toEqual({
      order: "DMY",
      ambiguous: false,
    });
    expect(detectDateOrder(parts("2015-12-29"), "MDY")).toEqual({ order: "YMD", ambiguous: false });
  });

  it("falls back and says so when every sample fits both orders", () => {
    expect(detectDateOrder(parts("05/01/15"), "MDY")).toEqual({ order: "MDY", ambiguous: true });
    expect(detectDateOrder(parts("05/01/15"), "DMY")).toEqual({ order: "DMY", ambiguous: true });
  });

  it("gives up when no order fits all samples", () => {
    expect(detectDateOrder(parts("13/01/2020", "01/13/2020"), "MDY")).toBeNull();
  });
});
