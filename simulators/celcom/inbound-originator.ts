import { z } from "zod";
import type { SimulatorConfig } from "@/simulators/celcom/config";
import { formatCelcomTimestamp } from "@/simulators/celcom/dlr-dispatcher";

/** `POST /admin/inbound`: a handset sends `message` from `from` to our number `to`. */
const inboundRequest = z.object({
  from: z.string().trim().min(1).max(64),
  to: z.string().trim().min(1).max(64),
  message: z.string().max(65_536),
  /** Reusing an id imitates Celcom retrying the same message. */
  messageid: z.union([z.string().trim().min(1).max(128), z.number().int().nonnegative()]).optional(),
});

export interface AdminReply {
  status: number;
  body: unknown;
}

/**
 * Where inbound messages go: the sibling `inbound` of the DLR callback URL
 * (…/api/callbacks/celcom/dlr → …/api/callbacks/celcom/inbound), with the same token.
 */
export function inboundUrlFor(dlrUrl: string): string {
  return new URL("inbound", dlrUrl.replace(/\/+$/, "")).toString();
}

/**
 * Originates a mobile-originated message the way Celcom delivers one: a JSON POST of
 * { from, to, message, messageid, timestamp } to the app's inbound callback. Answers with what the
 * app answered, so a test sees at once whether the message was accepted.
 */
export async function originateInbound(config: SimulatorConfig, bodyText: string | null, nextMessageId: () => number): Promise<AdminReply> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(bodyText ?? "");
  } catch {
    return { status: 400, body: { error: { code: "invalid_json", message: "body must be a JSON object", details: [] } } };
  }
  const parsed = inboundRequest.safeParse(decoded);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({ field: issue.path.join(".") || "(root)", message: issue.message }));
    return { status: 400, body: { error: { code: "validation_failed", message: "expected { from, to, message, messageid? }", details } } };
  }
  if (!config.dlrUrl) return { status: 409, body: { error: { code: "no_callback_url", message: "dlrUrl is not set, so there is no inbound URL", details: [] } } };
  const messageid = String(parsed.data.messageid ?? nextMessageId());
  const url = inboundUrlFor(config.dlrUrl);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (config.dlrToken) headers["x-callback-token"] = config.dlrToken;
  const payload = { from: parsed.data.from, to: parsed.data.to, message: parsed.data.message, messageid, timestamp: formatCelcomTimestamp(Date.now()) };
  try {
    const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(payload), signal: AbortSignal.timeout(config.dlrTimeoutMs) });
    const text = await response.text();
    let answer: unknown = text;
    try {
      answer = JSON.parse(text);
    } catch {
      answer = text;
    }
    return { status: 200, body: { delivered: response.ok, status: response.status, messageid, url, response: answer } };
  } catch (error) {
    return { status: 502, body: { error: { code: "callback_unreachable", message: `${url}: ${error instanceof Error ? error.message : String(error)}`, details: [] } } };
  }
}
