import { parseCelcomTimestamp } from "@/lib/providers/celcom/dlr";

/** One inbound message as read from a Celcom callback, before any interpretation. */
export interface CelcomInbound {
  from: string;
  to: string;
  message: string;
  messageId: string | null;
  receivedAt: Date | null;
  payload: Record<string, unknown>;
}

export interface InboundFieldIssue {
  field: string;
  message: string;
}

/**
 * Field names accepted for each value, compared case-insensitively. Celcom's own names come first;
 * the others are what aggregators commonly use (see docs/two-way.md).
 */
export const CELCOM_INBOUND_ALIASES = {
  from: ["from", "msisdn", "mobile", "sender", "phone", "source", "source_addr", "originator"],
  to: ["to", "shortcode", "short_code", "dest", "destination", "dest_addr", "recipient", "receiver", "number"],
  message: ["message", "text", "body", "content", "sms", "msg", "short_message"],
  messageid: ["messageid", "message_id", "msgid", "id", "linkid", "link_id", "smsid"],
  timestamp: ["timestamp", "time", "date", "received_at", "receivedat", "datetime"],
} as const;

/** Messages in one callback request (Celcom posts one; an array of up to this many is accepted). */
export const MAX_INBOUND_PER_CALLBACK = 100;

type Field = keyof typeof CELCOM_INBOUND_ALIASES;

function scalar(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "bigint") return value.toString();
  return null;
}

/** The first alias present, as text; `undefined` when no alias is present, null when present but not text. */
function pick(fields: Map<string, unknown>, field: Field): string | null | undefined {
  for (const alias of CELCOM_INBOUND_ALIASES[field]) {
    if (fields.has(alias)) return scalar(fields.get(alias));
  }
  return undefined;
}

function readOne(value: unknown, prefix: string, issues: InboundFieldIssue[]): CelcomInbound | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    issues.push({ field: prefix || "(root)", message: "must be an object with from, to and message" });
    return null;
  }
  const payload = value as Record<string, unknown>;
  const fields = new Map(Object.entries(payload).map(([key, item]) => [key.toLowerCase(), item]));
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const from = pick(fields, "from");
  const to = pick(fields, "to");
  const message = pick(fields, "message");
  const messageId = pick(fields, "messageid");
  const timestamp = pick(fields, "timestamp");
  const before = issues.length;
  if (!from?.trim()) issues.push({ field: at("from"), message: "is required (the sender's number)" });
  else if (from.trim().length > 64) issues.push({ field: at("from"), message: "must be at most 64 characters" });
  if (!to?.trim()) issues.push({ field: at("to"), message: "is required (the short code or number the message was sent to)" });
  else if (to.trim().length > 64) issues.push({ field: at("to"), message: "must be at most 64 characters" });
  if (message === undefined) issues.push({ field: at("message"), message: "is required (may be empty)" });
  else if (message === null) issues.push({ field: at("message"), message: "must be text" });
  if (messageId !== undefined && messageId !== null && messageId.trim().length > 128) issues.push({ field: at("messageid"), message: "must be at most 128 characters" });
  if (issues.length > before || !from || !to || typeof message !== "string") return null;
  return {
    from,
    to,
    message,
    messageId: messageId?.trim() ? messageId.trim() : null,
    receivedAt: parseCelcomTimestamp(timestamp ?? null),
    payload,
  };
}

/**
 * Reads a Celcom inbound callback body (one object, or an array of them) into messages; every
 * problem is reported with its field, and nothing is accepted from a body with any problem.
 */
export function parseCelcomInbound(body: unknown): { ok: true; messages: CelcomInbound[] } | { ok: false; issues: InboundFieldIssue[] } {
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0) return { ok: false, issues: [{ field: "(root)", message: "must hold at least one message" }] };
  if (items.length > MAX_INBOUND_PER_CALLBACK) return { ok: false, issues: [{ field: "(root)", message: `must hold at most ${MAX_INBOUND_PER_CALLBACK} messages` }] };
  const issues: InboundFieldIssue[] = [];
  const messages = items.map((item, index) => readOne(item, Array.isArray(body) ? String(index) : "", issues));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, messages: messages.filter((message): message is CelcomInbound => message !== null) };
}
