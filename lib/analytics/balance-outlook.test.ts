import { describe, expect, it } from "vitest";
import { judgeBalance } from "@/lib/analytics/balance-outlook";

describe("judgeBalance", () => {
  it("is low under the account's threshold", () => {
    expect(judgeBalance(400, 500, []).low).toBe(true);
    expect(judgeBalance(600, 500, []).low).toBe(false);
  });

  it("is low when recent spend empties the balance within three days", () => {
    const outlook = judgeBalance(2_000, null, [1_000, 1_000, 1_000]);
    expect(outlook).toMatchObject({ dailySpend: 1_000, daysLeft: 2, low: true });
    expect(judgeBalance(10_000, null, [1_000, 1_000]).low).toBe(false);
  });

  it("has no estimate without spend", () => {
    expect(judgeBalance(0, null, [0, 0])).toMatchObject({ daysLeft: null, low: false });
  });
});
