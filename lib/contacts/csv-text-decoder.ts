import { AppError } from "@/lib/http/errors";

/** Bytes needed to tell the encodings apart: a UTF-8 BOM is three bytes, UTF-16 text shows in four. */
const SNIFF_BYTES = 4;

function encodingOf(head: Buffer): "utf-8" | "utf-16le" | "utf-16be" {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  // ASCII text in UTF-16 has every other byte zero; without a BOM its byte order is a guess.
  const zeroAt = (index: number) => head.length > index && head[index] === 0;
  if ((zeroAt(1) && zeroAt(3) && head[0] !== 0) || (zeroAt(0) && zeroAt(2) && head[1] !== 0)) {
    throw new AppError("validation_failed", "The file looks like UTF-16 text without a byte-order mark", [
      { field: "file", message: "Save it as CSV UTF-8, or as Unicode text (UTF-16 with a byte-order mark)" },
    ]);
  }
  return "utf-8";
}

/**
 * Turns an uploaded CSV's bytes into text chunk by chunk. Excel's "Unicode text" and many exports
 * are UTF-16 with a byte-order mark; everything else is read as UTF-8. The BOM is dropped, a
 * character split across chunks is kept whole, and malformed bytes become U+FFFD (never a lone
 * surrogate, which Postgres could not store).
 */
export class CsvTextDecoder {
  private decoder: TextDecoder | null = null;
  private head = Buffer.alloc(0);

  write(chunk: Buffer): string {
    if (this.decoder) return this.decoder.decode(chunk, { stream: true });
    this.head = Buffer.concat([this.head, chunk]);
    if (this.head.length < SNIFF_BYTES) return "";
    return this.start();
  }

  end(): string {
    const rest = this.decoder ? "" : this.start();
    return rest + this.decoder!.decode();
  }

  private start(): string {
    this.decoder = new TextDecoder(encodingOf(this.head));
    const text = this.decoder.decode(this.head, { stream: true });
    this.head = Buffer.alloc(0);
    return text;
  }
}
