import { callbackAuthFromEnv } from "@/lib/dlr/accept-dlr-callback";
import { verifyCallbackAuth, type CallbackAuthConfig } from "@/lib/dlr/verify-callback-auth";
import { AppError } from "@/lib/http/errors";
import { readBodyText } from "@/lib/http/parse";
import { CELCOM_PROVIDER } from "@/lib/dlr/map-provider-dlr";
import { acceptInbound } from "@/lib/inbound/accept-inbound";
import { parseCelcomInbound } from "@/lib/providers/celcom/inbound";

/** A hundred messages of a few hundred characters each fit comfortably. */
const MAX_CALLBACK_BYTES = 64 * 1024;

function isForm(request: Request): boolean {
  return /^application\/x-www-form-urlencoded\b/i.test((request.headers.get("content-type") ?? "").trim());
}

/** A form body's fields; the callback token (sent as a field by some providers) is not one of the message's. */
function formFields(raw: string): Record<string, string> {
  const fields = Object.fromEntries(new URLSearchParams(raw).entries());
  delete fields.token;
  return fields;
}

/**
 * The whole request path of a Celcom inbound (MO) callback: authenticate exactly like the DLR
 * callback (token, optional HMAC), read JSON or a form, check the fields, enqueue. No database
 * access: it answers in about a Redis round trip, and the worker does the rest.
 */
export async function acceptCelcomInboundCallback(
  request: Request,
  options: { pathToken?: string; auth?: CallbackAuthConfig } = {},
): Promise<{ accepted: number }> {
  const raw = await readBodyText(request, MAX_CALLBACK_BYTES);
  verifyCallbackAuth(request, raw, options.auth ?? callbackAuthFromEnv(), options.pathToken);
  let body: unknown;
  if (isForm(request)) {
    body = formFields(raw);
  } else {
    try {
      body = JSON.parse(raw);
    } catch {
      throw new AppError("invalid_json", "Request body is not valid JSON (or send application/x-www-form-urlencoded)");
    }
  }
  const parsed = parseCelcomInbound(body);
  if (!parsed.ok) throw new AppError("bad_request", "Not a Celcom inbound message", parsed.issues);
  return acceptInbound(
    parsed.messages.map((message) => ({
      provider: CELCOM_PROVIDER,
      from: message.from,
      to: message.to,
      message: message.message,
      providerMessageId: message.messageId,
      receivedAt: message.receivedAt,
      payload: message.payload,
    })),
  );
}
