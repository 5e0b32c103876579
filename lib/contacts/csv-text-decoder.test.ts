import { describe, expect, it } from "vitest";
import { CsvTextDecoder } from "@/lib/contacts/csv-text-decoder";
import { AppError } from "@/lib/http/errors";

const TEXT = "phone,name\n0712000111,Zoë 漢字 😀\n";

function decodeInChunks(bytes: Buffer, size: number): string {
  const decoder = new CsvTextDecoder();
  let text = "";
  for (let start = 0; start < bytes.length; start += size) text += decoder.write(bytes.subarray(start, start + size));
  return text + decoder.end();
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, "utf16le");
  for (let index = 0; index < le.length; index += 2) [le[index], le[index + 1]] = [le[index + 1], le[index]];
  return le;
}

describe("CsvTextDecoder", () => {
  it.each([1, 2, 3, 5, 1024])("decodes UTF-8 (with or without BOM) in %i-byte chunks, keeping split characters whole", (size) => {
    expect(decodeInChunks(Buffer.from(TEXT), size)).toBe(TEXT);
    expect(decodeInChunks(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), size)).toBe(TEXT);
  });

  it.each([1, 3, 1024])("decodes UTF-16LE and UTF-16BE with a BOM in %i-byte chunks", (size) => {
    expect(decodeInChunks(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")]), size)).toBe(TEXT);
    expect(decodeInChunks(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), size)).toBe(TEXT);
  });

  it("refuses UTF-16 without a BOM with a 422 on the file", () => {
    for (const bytes of [Buffer.from(TEXT, "utf16le"), utf16be(TEXT)]) {
      const error = (() => {
        try {
          decodeInChunks(bytes, 1024);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(422);
      expect((error as AppError).details?.[0].field).toBe("file");
    }
  });

  it("turns malformed bytes into U+FFFD and reads tiny files", () => {
    expect(decodeInChunks(Buffer.from([0x30, 0xff, 0x31]), 1)).toBe("0\ufffd1");
    expect(decodeInChunks(Buffer.from("7"), 1)).toBe("7");
    expect(decodeInChunks(Buffer.alloc(0), 1)).toBe("");
  });
});
