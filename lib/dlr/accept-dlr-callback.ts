import { verifyCallbackAuth, type CallbackAuthConfig } from "@/lib/dlr/verify-callback-auth";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { readBodyText } from "@/lib/http/parse";
import { parseCelcomDlrPayload } from "@/lib/providers";
import { enqueue } from "@/lib/queue/enqueue";
import { CELCOM_PROVIDER } from "@/lib/dlr/map-provider-dlr";
import { providerNameSchema } from "@/lib/routing/schemas";

/** Celcom may push arrays of reports; 1,000 reports of ~150 bytes fit comfortably. */
const MAX_CALLBACK_BYTES = 512 * 1024;

export function callbackAuthFromEnv(): CallbackAuthConfig {
  return { token: env.DLR_CALLBACK_TOKEN, hmacSecret: env.DLR_CALLBACK_HMAC_SECRET || undefined };
}

/**
 * Which provider the reports belong to: `?provider=<name>` for a Celcom-kind provider configured
 * in the routing table (its messages carry that name), else the bootstrap provider "celcom".
 */
function providerOf(request: Request): string {
  const named = new URL(request.url).searchParams.get("provider");
  if (named === null) return CELCOM_PROVIDER;
  const parsed = providerNameSchema.safeParse(named);
  if (!parsed.success) throw new AppError("bad_request", "Invalid provider name in the callback URL");
  return parsed.data;
}

/**
 * The whole request path of a provider DLR callback: authenticate, validate, enqueue the raw
 * reports as one `dlr.inbound` job. No database access, so it answers in about a Redis round trip.
 */
export async function acceptCelcomDlrCallback(
  request: Request,
  options: { pathToken?: string; auth?: CallbackAuthConfig } = {},
): Promise<{ accepted: number }> {
  const raw = await readBodyText(request, MAX_CALLBACK_BYTES);
  verifyCallbackAuth(request, raw, options.auth ?? callbackAuthFromEnv(), options.pathToken);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new AppError("invalid_json", "Request body is not valid JSON");
  }
  const parsed = parseCelcomDlrPayload(body);
  if (!parsed.ok) throw new AppError("bad_request", "Not a Celcom delivery report", parsed.issues);
  const reports = (Array.isArray(body) ? body : [body]) as Record<string, unknown>[];
  const provider = providerOf(request);
  await enqueue(
    "dlrInbound",
    { provider, receivedAt: new Date().toISOString(), reports },
    { attempts: 8, backoff: { type: "exponential", delay: 1_000 } },
  );
  return { accepted: reports.length };
}
