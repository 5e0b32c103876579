import type { SendFailure } from "@/lib/providers/types";

/** SMPP 3.4 command_status values we classify (the rest are treated as retryable). */
export const SMPP_STATUS = {
  ESME_ROK: 0x00,
  ESME_RINVMSGLEN: 0x01,
  ESME_RINVCMDLEN: 0x02,
  ESME_RINVCMDID: 0x03,
  ESME_RINVBNDSTS: 0x04,
  ESME_RALYBND: 0x05,
  ESME_RSYSERR: 0x08,
  ESME_RINVSRCADR: 0x0a,
  ESME_RINVDSTADR: 0x0b,
  ESME_RINVMSGID: 0x0c,
  ESME_RBINDFAIL: 0x0d,
  ESME_RINVPASWD: 0x0e,
  ESME_RINVSYSID: 0x0f,
  ESME_RMSGQFUL: 0x14,
  ESME_RINVESMCLASS: 0x43,
  ESME_RSUBMITFAIL: 0x45,
  ESME_RINVSRCTON: 0x48,
  ESME_RINVDSTTON: 0x50,
  ESME_RTHROTTLED: 0x58,
  ESME_RX_T_APPN: 0x64,
  ESME_RX_P_APPN: 0x65,
  ESME_RX_R_APPN: 0x66,
  ESME_RINVDCS: 0x104,
  ESME_RDELIVERYFAILURE: 0xfe,
  ESME_RUNKNOWNERR: 0xff,
} as const;

type Classification = { code: string; retryable: boolean; retryAfterMs?: number };

const KNOWN: Record<number, Classification> = {
  [SMPP_STATUS.ESME_RINVMSGLEN]: { code: "smpp_invalid_message_length", retryable: false },
  [SMPP_STATUS.ESME_RINVCMDLEN]: { code: "smpp_invalid_command_length", retryable: false },
  [SMPP_STATUS.ESME_RINVCMDID]: { code: "smpp_invalid_command", retryable: false },
  [SMPP_STATUS.ESME_RINVBNDSTS]: { code: "smpp_not_bound", retryable: true },
  [SMPP_STATUS.ESME_RSYSERR]: { code: "smpp_system_error", retryable: true },
  [SMPP_STATUS.ESME_RINVSRCADR]: { code: "smpp_invalid_source_address", retryable: false },
  [SMPP_STATUS.ESME_RINVDSTADR]: { code: "smpp_invalid_destination", retryable: false },
  [SMPP_STATUS.ESME_RBINDFAIL]: { code: "smpp_bind_failed", retryable: false },
  [SMPP_STATUS.ESME_RINVPASWD]: { code: "smpp_bind_failed", retryable: false },
  [SMPP_STATUS.ESME_RINVSYSID]: { code: "smpp_bind_failed", retryable: false },
  [SMPP_STATUS.ESME_RMSGQFUL]: { code: "smpp_queue_full", retryable: true },
  [SMPP_STATUS.ESME_RINVESMCLASS]: { code: "smpp_invalid_esm_class", retryable: false },
  [SMPP_STATUS.ESME_RSUBMITFAIL]: { code: "smpp_submit_failed", retryable: true },
  [SMPP_STATUS.ESME_RINVSRCTON]: { code: "smpp_invalid_source_address", retryable: false },
  [SMPP_STATUS.ESME_RINVDSTTON]: { code: "smpp_invalid_destination", retryable: false },
  [SMPP_STATUS.ESME_RTHROTTLED]: { code: "smpp_throttled", retryable: true, retryAfterMs: 1_000 },
  [SMPP_STATUS.ESME_RX_T_APPN]: { code: "smpp_temporary_app_error", retryable: true },
  // Permanent application errors: SMSCs use them for barred or blacklisted numbers.
  [SMPP_STATUS.ESME_RX_P_APPN]: { code: "smpp_barred", retryable: false },
  [SMPP_STATUS.ESME_RX_R_APPN]: { code: "smpp_rejected", retryable: false },
  [SMPP_STATUS.ESME_RINVDCS]: { code: "smpp_invalid_data_coding", retryable: false },
  [SMPP_STATUS.ESME_RDELIVERYFAILURE]: { code: "smpp_delivery_failure", retryable: true },
};

/** Our failure for a non-zero command_status: unknown statuses are retried (attempts are bounded) rather than lost. */
export function classifySmppStatus(status: number): SendFailure {
  const known = KNOWN[status] ?? { code: `smpp_status_0x${status.toString(16).padStart(2, "0")}`, retryable: true };
  return {
    ok: false,
    retryable: known.retryable,
    code: known.code,
    reason: `SMSC answered command_status 0x${status.toString(16).padStart(8, "0")}`,
    providerCode: status,
    ...(known.retryAfterMs ? { retryAfterMs: known.retryAfterMs } : {}),
  };
}
