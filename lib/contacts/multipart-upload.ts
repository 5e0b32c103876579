import { Readable, Transform, type TransformCallback } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { AppError } from "@/lib/http/errors";

const MAX_HEADER_BYTES = 8 * 1024;
const MAX_FIELD_BYTES = 8 * 1024;

export interface MultipartUpload {
  /** Text fields that came before the file part, once the file starts. */
  ready: Promise<Record<string, string>>;
  /** The bytes of the first file part, streamed as they arrive. */
  file: Readable;
}

/** The boundary of a `multipart/form-data` Content-Type, or null for anything else. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType.trim())) return null;
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : null;
}

function dispositionParam(headers: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}="([^"]*)"`, "i").exec(headers) ?? new RegExp(`;\\s*${name}=([^;\\s]+)`, "i").exec(headers);
  return match ? match[1] : null;
}

type State = "preamble" | "headers" | "body" | "after-delimiter" | "done";

/**
 * A streaming multipart/form-data reader: request.formData() would buffer a whole upload in
 * memory, this passes the file part through as it arrives, holding back only a boundary's length.
 */
class MultipartFileExtractor extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  private state: State = "preamble";
  private readonly opening: Buffer;
  private readonly delimiter: Buffer;
  private part: { name: string | null; isFile: boolean } | null = null;
  private fieldChunks: Buffer[] = [];
  private fieldBytes = 0;
  private fileSeen = false;
  private fileDone = false;
  readonly fields: Record<string, string> = {};
  onFileStart: (fields: Record<string, string>) => void = () => undefined;

  constructor(boundary: string) {
    super();
    this.opening = Buffer.from(`--${boundary}`);
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    try {
      this.drain();
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback) {
    if (!this.fileSeen || !this.fileDone) callback(new AppError("validation_failed", "The multipart body has no complete file part"));
    else callback();
  }

  private drain() {
    for (;;) {
      if (this.state === "preamble") {
        const index = this.buffer.indexOf(this.opening);
        if (index < 0) return;
        this.buffer = this.buffer.subarray(index + this.opening.length);
        this.state = "after-delimiter";
      } else if (this.state === "after-delimiter") {
        if (this.buffer.length < 2) return;
        if (this.buffer[0] === 0x2d && this.buffer[1] === 0x2d) {
          this.state = "done";
          this.buffer = Buffer.alloc(0);
          return;
        }
        const lineEnd = this.buffer.indexOf("\r\n");
        if (lineEnd < 0) return;
        this.buffer = this.buffer.subarray(lineEnd + 2);
        this.state = "headers";
      } else if (this.state === "headers") {
        const end = this.buffer.indexOf("\r\n\r\n");
        if (end < 0) {
          if (this.buffer.length > MAX_HEADER_BYTES) throw new AppError("bad_request", "Multipart part headers are too large");
          return;
        }
        const headers = this.buffer.subarray(0, end).toString("utf8");
        this.buffer = this.buffer.subarray(end + 4);
        const isFile = dispositionParam(headers, "filename") !== null && !this.fileSeen;
        this.part = { name: dispositionParam(headers, "name"), isFile };
        if (isFile) {
          this.fileSeen = true;
          this.onFileStart({ ...this.fields });
        }
        this.state = "body";
      } else if (this.state === "body") {
        const index = this.buffer.indexOf(this.delimiter);
        const usable = index >= 0 ? index : Math.max(0, this.buffer.length - this.delimiter.length + 1);
        if (usable > 0) this.consumePartBytes(this.buffer.subarray(0, usable));
        if (index < 0) {
          this.buffer = this.buffer.subarray(usable);
          return;
        }
        this.buffer = this.buffer.subarray(index + this.delimiter.length);
        this.endPart();
        this.state = "after-delimiter";
      } else {
        this.buffer = Buffer.alloc(0);
        return;
      }
    }
  }

  private consumePartBytes(bytes: Buffer) {
    if (!this.part) return;
    if (this.part.isFile) {
      this.push(Buffer.from(bytes));
      return;
    }
    this.fieldBytes += bytes.length;
    if (this.fieldBytes > MAX_FIELD_BYTES) throw new AppError("payload_too_large", "A form field is too large");
    this.fieldChunks.push(Buffer.from(bytes));
  }

  private endPart() {
    if (this.part?.isFile) this.fileDone = true;
    else if (this.part?.name) this.fields[this.part.name] = Buffer.concat(this.fieldChunks).toString("utf8");
    this.part = null;
    this.fieldChunks = [];
    this.fieldBytes = 0;
  }
}

/** Opens a multipart upload: await `ready` for the fields before the file, then read `file`. */
export function openMultipartUpload(body: ReadableStream<Uint8Array> | Readable, boundary: string): MultipartUpload {
  const extractor = new MultipartFileExtractor(boundary);
  const source = body instanceof Readable ? body : Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  const ready = new Promise<Record<string, string>>((resolve, reject) => {
    extractor.onFileStart = resolve;
    extractor.once("error", reject);
    extractor.once("end", () => reject(new AppError("validation_failed", "The multipart body has no file part")));
  });
  ready.catch(() => undefined);
  source.on("error", (error) => extractor.destroy(error));
  source.pipe(extractor);
  return { ready, file: extractor };
}
