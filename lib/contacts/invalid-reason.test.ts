import { describe, expect, it } from "vitest";
import { invalidDetail } from "@/lib/contacts/invalid-reason";

describe("precise invalid reasons", () => {
  it("tells apart short, long, unknown-prefix and non-numbers stored as invalid_format", () => {
    expect(invalidDetail("12345", "invalid_format")).toBe("too_short");
    expect(invalidDetail("0712 345 678 901 23", "invalid_format")).toBe("too_long");
    expect(invalidDetail("0812 345 678", "invalid_format")).toBe("unknown_prefix");
    expect(invalidDetail("not a number", "invalid_format")).toBe("not_a_number");
  });

  it("keeps the stored reason when it is already precise", () => {
    expect(invalidDetail("", "empty")).toBe("empty");
    expect(invalidDetail("020 222 2222", "not_mobile")).toBe("not_mobile");
    expect(invalidDetail("+1 202 555 0100", "invalid_country")).toBe("unsupported_country");
    expect(invalidDetail("0712345678", "unsupported_network")).toBe("unsupported_network");
  });
});
