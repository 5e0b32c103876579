import { type Logger } from "@/lib/logger";
import { CelcomAdapter } from "@/lib/providers/celcom/adapter";
import {
  SIMULATOR_DEFAULT_API_KEY,
  SIMULATOR_DEFAULT_PARTNER_ID,
  SIMULATOR_DEFAULT_URL,
} from "@/lib/providers/celcom/simulator-defaults";

export type ProviderKind = "simulator" | "celcom";

export interface ProviderConfig {
  kind: ProviderKind;
  /** Required for "celcom"; "simulator" falls back to the simulator's defaults. */
  baseUrl?: string;
  apiKey?: string;
  partnerId?: string;
  timeoutMs?: number;
  bulkBatchSize?: number;
  /**
   * Recorded on messages as `provider`. Defaults to "celcom" for both kinds: the simulator speaks
   * Celcom's protocol and posts to the Celcom DLR callback, so its ids must match Celcom's.
   */
  name?: string;
}

/**
 * The provider the worker sends through. "simulator" is the Celcom adapter pointed at the
 * Celcom-compatible simulator, so local runs and tests exercise the real wire format.
 */
export function createProvider(config: ProviderConfig, options: { logger?: Logger } = {}): CelcomAdapter {
  if (config.kind === "simulator") {
    return new CelcomAdapter(
      {
        name: config.name ?? "celcom",
        baseUrl: config.baseUrl || SIMULATOR_DEFAULT_URL,
        apiKey: config.apiKey || SIMULATOR_DEFAULT_API_KEY,
        partnerId: config.partnerId || SIMULATOR_DEFAULT_PARTNER_ID,
        timeoutMs: config.timeoutMs,
        bulkBatchSize: config.bulkBatchSize,
      },
      options,
    );
  }
  const missing = (["baseUrl", "apiKey", "partnerId"] as const).filter((field) => !config[field]);
  if (missing.length > 0) throw new Error(`Celcom provider needs ${missing.join(", ")}`);
  return new CelcomAdapter(
    {
      name: config.name ?? "celcom",
      baseUrl: config.baseUrl as string,
      apiKey: config.apiKey as string,
      partnerId: config.partnerId as string,
      timeoutMs: config.timeoutMs,
      bulkBatchSize: config.bulkBatchSize,
    },
    options,
  );
}

export { CelcomAdapter, toCelcomMobile, type CelcomAdapterConfig } from "@/lib/providers/celcom/adapter";
export { CELCOM_RESPONSE_CODES, celcomReasonCode, classifyCelcomCode } from "@/lib/providers/celcom/codes";
export {
  CELCOM_DLR_DESCRIPTIONS,
  CELCOM_DLR_LIMITS,
  celcomDlrEventSchema,
  checkCelcomDlr,
  celcomDlrPayloadSchema,
  mapCelcomDescription,
  normalizeCelcomDlr,
  parseCelcomDlrPayload,
  parseCelcomTimestamp,
  type CelcomDlrEvent,
  type CelcomDlrRejectReason,
  type CheckedCelcomDlr,
  type RejectedCelcomDlr,
  type NormalizedCelcomDlr,
  type ParseCelcomDlrResult,
} from "@/lib/providers/celcom/dlr";
export type * from "@/lib/providers/types";
