import { describe, expect, it } from "vitest";
import { copyText, CopyTextBuilder, forEachCopyPair, fromCopyText } from "@/lib/pg-copy";

describe("COPY text format", () => {
  it.each(["plain", "tab\there", "line\nbreak", "carriage\rreturn", "back\\slash", "\\N", "", "漢字 ✓ مرحبا"])("%j survives a round trip", (value) => {
    const field = copyText(value);
    expect(field).not.toMatch(/[\t\n\r]/);
    expect(fromCopyText(field)).toBe(value);
  });

  it("spells NULL as \\N and reads it back as null", () => {
    expect(copyText(null)).toBe("\\N");
    expect(fromCopyText("\\N")).toBeNull();
  });

  it("reads the escapes Postgres writes for control characters", () => {
    expect(fromCopyText("a\\bb\\fc\\vd")).toBe("a\bb\fc\vd");
  });

  it("joins a row's fields with tabs, escapes text and ends the row with a newline", () => {
    expect(new CopyTextBuilder().row(["a\tb", 7, 12n, null]).toBuffer().toString("utf8")).toBe("a\\tb\t7\t12\t\\N\n");
  });

  it("builds large COPY text in a buffer, escaping text fields", () => {
    const builder = new CopyTextBuilder(16);
    expect(builder.empty).toBe(true);
    for (let row = 0; row < 5_000; row++) builder.row([row, row % 2 ? "x\ty" : null]);
    const text = builder.toBuffer().toString("utf8");
    const rows: [string, string][] = [];
    forEachCopyPair(text, (first, second) => rows.push([first, second]));
    expect(rows).toHaveLength(5_000);
    expect(rows[0]).toEqual(["0", "\\N"]);
    expect(rows[4_999]).toEqual(["4999", "x\\ty"]);
    expect(fromCopyText(rows[1][1])).toBe("x\ty");
  });
});
