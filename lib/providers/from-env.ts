import { env, type Env } from "@/lib/env";
import { createProvider, type ProviderConfig } from "@/lib/providers";
import { type SmsProvider } from "@/lib/providers/types";

/** Provider settings from the environment: SMS_PROVIDER picks the simulator or Celcom's API. */
export function providerConfigFromEnv(source: Env = env): ProviderConfig {
  if (source.SMS_PROVIDER === "simulator") {
    return {
      kind: "simulator",
      baseUrl: source.SIMULATOR_URL,
      apiKey: source.SIMULATOR_API_KEY,
      partnerId: source.SIMULATOR_PARTNER_ID,
      timeoutMs: source.CELCOM_TIMEOUT_MS,
    };
  }
  return {
    kind: "celcom",
    baseUrl: source.CELCOM_BASE_URL,
    apiKey: source.CELCOM_API_KEY,
    partnerId: source.CELCOM_PARTNER_ID,
    timeoutMs: source.CELCOM_TIMEOUT_MS,
  };
}

/** The provider the worker sends through, built when called (not at import) from the environment. */
export function providerFromEnv(source: Env = env): SmsProvider {
  return createProvider(providerConfigFromEnv(source));
}
