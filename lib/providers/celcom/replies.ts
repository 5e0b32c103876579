import { badReplyFailure, httpStatusFailure } from "@/lib/providers/failures";
import { CELCOM_SUCCESS_CODE, classifyCelcomCode } from "@/lib/providers/celcom/codes";
import { mapCelcomDescription, parseCelcomTimestamp } from "@/lib/providers/celcom/dlr";
import {
  type BalanceResult,
  type DeliveryReportResult,
  type SendFailure,
  type SendResult,
} from "@/lib/providers/types";

type JsonObject = Record<string, unknown>;

/**
 * A Celcom reply after decoding: a `responses` list (sends), a single object (flat errors,
 * balance, delivery-report pulls), or a transport-level failure (unreadable body, 5xx page).
 */
export type CelcomReply =
  | { kind: "items"; items: JsonObject[] }
  | { kind: "object"; body: JsonObject }
  | { kind: "failure"; failure: SendFailure };

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function parseCelcomReply(httpStatus: number, text: string): CelcomReply {
  let decoded: unknown;
  try {
    decoded = JSON.parse(text);
  } catch {
    const failure = httpStatus >= 200 && httpStatus < 300
      ? badReplyFailure(httpStatus, `unreadable reply (HTTP ${httpStatus}, not JSON)`)
      : httpStatusFailure(httpStatus);
    return { kind: "failure", failure };
  }
  if (isObject(decoded) && Array.isArray(decoded.responses)) {
    return { kind: "items", items: decoded.responses.filter(isObject) };
  }
  if (isObject(decoded)) {
    // A 5xx page that happens to be JSON but carries no Celcom code is still a server failure.
    if (httpStatus >= 400 && responseCodeOf(decoded) === undefined) {
      return { kind: "failure", failure: httpStatusFailure(httpStatus) };
    }
    return { kind: "object", body: decoded };
  }
  const failure = httpStatus >= 200 && httpStatus < 300
    ? badReplyFailure(httpStatus, "reply is JSON but not an object")
    : httpStatusFailure(httpStatus);
  return { kind: "failure", failure };
}

function asText(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Celcom's code field; some platform variants spell it "respose-code", and some send it as a string. */
export function responseCodeOf(body: JsonObject): number | undefined {
  const raw = body["response-code"] ?? body["respose-code"];
  const text = asText(raw);
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

function descriptionOf(body: JsonObject): string | undefined {
  return asText(body["response-description"]);
}

/** One entry of a `responses` list (or a flat object) as a send result. */
export function sendResultFromReplyItem(item: JsonObject, httpStatus: number): SendResult {
  const code = responseCodeOf(item);
  if (code === undefined) return badReplyFailure(httpStatus, "reply carries no response-code");
  if (code !== CELCOM_SUCCESS_CODE) return classifyCelcomCode(code, descriptionOf(item), httpStatus);
  const providerMessageId = asText(item.messageid);
  if (!providerMessageId) return badReplyFailure(httpStatus, "success reply without messageid");
  return { ok: true, providerMessageId };
}

/** Result of a `sendsms` request for one mobile number. */
export function interpretSendReply(httpStatus: number, text: string): SendResult {
  const reply = parseCelcomReply(httpStatus, text);
  if (reply.kind === "failure") return reply.failure;
  if (reply.kind === "object") return sendResultFromReplyItem(reply.body, httpStatus);
  const [first] = reply.items;
  return first ? sendResultFromReplyItem(first, httpStatus) : badReplyFailure(httpStatus, "empty responses list");
}

/**
 * Results of a `sendbulk` request, aligned with `clientSmsIds` (the ids we sent). Entries are
 * matched on the echoed `clientsmsid`; if Celcom echoes none, a reply of the same length is read
 * in order.
 */
export function interpretBulkReply(httpStatus: number, text: string, clientSmsIds: string[]): SendResult[] {
  const reply = parseCelcomReply(httpStatus, text);
  if (reply.kind === "failure") return clientSmsIds.map(() => reply.failure);
  if (reply.kind === "object") {
    const whole = sendResultFromReplyItem(reply.body, httpStatus);
    const failure = whole.ok ? badReplyFailure(httpStatus, "bulk reply without a responses list") : whole;
    return clientSmsIds.map(() => failure);
  }
  const byClientId = new Map<string, JsonObject>();
  for (const item of reply.items) {
    const clientId = asText(item.clientsmsid);
    if (clientId !== undefined) byClientId.set(clientId, item);
  }
  const readInOrder = byClientId.size === 0 && reply.items.length === clientSmsIds.length;
  return clientSmsIds.map((clientId, index) => {
    const item = readInOrder ? reply.items[index] : byClientId.get(clientId);
    return item
      ? sendResultFromReplyItem(item, httpStatus)
      : badReplyFailure(httpStatus, "no entry for this message in the bulk reply");
  });
}

/** "545.00" → 54500 minor units; extra decimals are cut, never rounded up. */
export function parseCreditToMinor(value: unknown): number | undefined {
  const text = asText(value)?.replace(/,/g, "");
  const match = text ? /^(-?)(\d+)(?:\.(\d*))?$/.exec(text) : null;
  if (!match) return undefined;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? "").padEnd(2, "0").slice(0, 2));
  return match[1] === "-" ? -cents : cents;
}

/** The single object a balance or delivery-report reply is about, or why there is none. */
function singleObject(reply: CelcomReply, httpStatus: number): { body: JsonObject } | { failure: SendFailure } {
  if (reply.kind === "failure") return { failure: reply.failure };
  if (reply.kind === "object") return { body: reply.body };
  const [first] = reply.items;
  return first ? { body: first } : { failure: badReplyFailure(httpStatus, "empty responses list") };
}

function nonSuccessCodeFailure(body: JsonObject, httpStatus: number): SendFailure | undefined {
  const code = responseCodeOf(body);
  return code !== undefined && code !== CELCOM_SUCCESS_CODE
    ? classifyCelcomCode(code, descriptionOf(body), httpStatus)
    : undefined;
}

export function interpretBalanceReply(httpStatus: number, text: string): BalanceResult {
  const single = singleObject(parseCelcomReply(httpStatus, text), httpStatus);
  if ("failure" in single) return single.failure;
  const { body } = single;
  const coded = nonSuccessCodeFailure(body, httpStatus);
  if (coded) return coded;
  const creditMinor = parseCreditToMinor(body.credit);
  if (creditMinor === undefined) return badReplyFailure(httpStatus, "balance reply without a readable credit");
  return { ok: true, creditMinor, creditText: asText(body.credit) ?? "" };
}

export function interpretDeliveryReportReply(
  httpStatus: number,
  text: string,
  providerMessageId: string,
): DeliveryReportResult {
  const single = singleObject(parseCelcomReply(httpStatus, text), httpStatus);
  if ("failure" in single) return single.failure;
  const { body } = single;
  const coded = nonSuccessCodeFailure(body, httpStatus);
  if (coded) return coded;
  const description = asText(body["delivery-description"]);
  if (!description) return badReplyFailure(httpStatus, "delivery report without a delivery-description");
  return {
    ok: true,
    providerMessageId,
    description,
    outcome: mapCelcomDescription(description),
    deliveredAt: parseCelcomTimestamp(asText(body["delivery-time"])),
  };
}
