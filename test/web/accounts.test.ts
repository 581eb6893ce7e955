// The portal's name for a ledger account: number first when there is one.
import { describe, expect, it } from "vitest";
import { accountLabel } from "../../web/src/lib/accounts.ts";

describe("accountLabel", () => {
  it("puts the account number before the name", () => {
    expect(accountLabel("1020", "Cash and Bank:Savings")).toBe("1020 · Cash and Bank:Savings");
  });
  it("is the name alone when the account has no number", () => {
    expect(accountLabel(null, "Owner's Draw")).toBe("Owner's Draw");
    expect(accountLabel("", "Owner's Draw")).toBe("Owner's Draw");
  });
});
