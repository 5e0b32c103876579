import type http from "node:http";
import { CELCOM_RESPONSE_CODES, CELCOM_SUCCESS_CODE } from "@/lib/providers/celcom/codes";

// Celcom's wire format as the simulator reads and writes it: request bodies in, JSON replies out.

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export type Params = Record<string, unknown>;
export type ReplyItem = Record<string, unknown>;

export function codeReply(code: number): ReplyItem {
  return {
    "response-code": code,
    "response-description": code === CELCOM_SUCCESS_CODE ? "Success" : (CELCOM_RESPONSE_CODES[code]?.description ?? "Error"),
  };
}

export function asString(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

/** Kenyan numbers must be full mobiles (2547…/2541… or 07…/01…); other countries need 8–15 digits. */
export function normalizeMobile(raw: string): string | null {
  const digits = raw.replace(/^\+/, "");
  if (!/^\d+$/.test(digits)) return null;
  if (digits.startsWith("254") || digits.startsWith("0")) {
    return /^(?:254|0)[17]\d{8}$/.test(digits) ? `254${digits.slice(digits.startsWith("0") ? 1 : 3)}` : null;
  }
  return digits.length >= 8 && digits.length <= 15 ? digits : null;
}

/** Celcom echoes mobiles as JSON numbers. */
export function mobileForReply(raw: string): number | string {
  return /^\d{1,15}$/.test(raw) ? Number(raw) : raw;
}

export function formatCredit(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const absolute = Math.abs(minor);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, "0")}`;
}

/** The body as text; null when it is larger than 5 MiB or the connection fails. */
export function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", () => resolve(null));
  });
}

/** JSON body, form body, or query string (Celcom accepts GET with the same fields). */
export async function readParams(req: http.IncomingMessage, query: URLSearchParams): Promise<Params | null> {
  const text = await readBody(req);
  if (text === null) return null;
  const fromQuery = Object.fromEntries(query.entries());
  if (text.trim() === "") return fromQuery;
  const contentType = req.headers["content-type"] ?? "";
  if (contentType.includes("application/x-www-form-urlencoded")) {
    return { ...fromQuery, ...Object.fromEntries(new URLSearchParams(text).entries()) };
  }
  try {
    const decoded: unknown = JSON.parse(text);
    return typeof decoded === "object" && decoded !== null && !Array.isArray(decoded)
      ? { ...fromQuery, ...(decoded as Params) }
      : null;
  } catch {
    return null;
  }
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.writableEnded) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function sendText(res: http.ServerResponse, status: number, text: string): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { "content-type": "text/plain", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
