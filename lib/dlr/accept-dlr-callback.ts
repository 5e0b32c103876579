import { verifyCallbackAuth, type CallbackAuthConfig } from "@/lib/dlr/verify-callback-auth";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { readBodyText } from "@/lib/http/parse";
import { parseCelcomDlrPayload } from "@/lib/providers";
import { acceptDurably } from "@/lib/queue/durable-inbox";
import { CELCOM_PROVIDER } from "@/lib/dlr/map-provider-dlr";
import { recordRejectedDlrs } from "@/lib/dlr/record-dlr-dead-letters";
import { logger } from "@/lib/logger";
import { providerNameSchema } from "@/lib/routing/schemas";

const log = logger.child({ component: "dlr-callback" });

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
 * The whole request path of a provider DLR callback: authenticate, validate every report, write
 * the usable ones (normalized, never raw) as one `dlr.inbound` job to `dlr_inbox` (group commit
 * with concurrent callbacks, lib/queue/durable-inbox.ts) and queue it. A body that is not JSON or not
 * a report/array of reports is a 400. A report that cannot be used (no or bad id, unreadable or
 * out-of-range timestamp, NUL or unpaired surrogates, oversized) is recorded in `dlr_dead_letters`
 * and still answered 200, so the provider stops retrying something that will never work. A 200
 * means every usable report is committed in Postgres: it is applied even if Redis loses the job.
 */
export async function acceptCelcomDlrCallback(
  request: Request,
  options: { pathToken?: string; auth?: CallbackAuthConfig } = {},
): Promise<{ accepted: number; rejected: number }> {
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
  const provider = providerOf(request);
  const receivedAt = new Date();
  if (parsed.reports.length > 0) {
    await acceptDurably("dlrInbound", [{ provider, receivedAt: receivedAt.toISOString(), reports: parsed.reports.map((report) => report.payload) }]);
  }
  // After the inbox write: if recording fails, the provider's retry re-queues the usable reports
  // (harmless duplicates) rather than the refused ones being recorded twice.
  if (parsed.rejected.length > 0) {
    await recordRejectedDlrs(parsed.rejected.map((item) => ({ ...item, provider, receivedAt })));
    log.warn("dlr reports rejected", { rejected: parsed.rejected.length, reasons: [...new Set(parsed.rejected.map((item) => item.reason))] });
  }
  return { accepted: parsed.reports.length, rejected: parsed.rejected.length };
}
