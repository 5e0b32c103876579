import { detectEncoding, splitSegments } from "@/lib/content/encoding";
import type { DeliveryOutcome } from "@/lib/providers/types";

export const DATA_CODING = { gsm7: 0x00, ucs2: 0x08 } as const;
export const ESM_CLASS_UDHI = 0x40;
export const ESM_CLASS_RECEIPT = 0x04;

/** Fields of one submit_sm as the `smpp` package takes them. */
export interface SubmitSmParams {
  source_addr_ton: number;
  source_addr_npi: number;
  source_addr: string;
  dest_addr_ton: number;
  dest_addr_npi: number;
  destination_addr: string;
  data_coding: number;
  esm_class: number;
  registered_delivery: number;
  short_message: string | { udh: Buffer; message: string };
}

/** Alphanumeric senders go as TON 5 (alphanumeric); digits as international or national numbers. */
function sourceAddress(from: string): Pick<SubmitSmParams, "source_addr_ton" | "source_addr_npi" | "source_addr"> {
  if (/^\+?\d{7,15}$/.test(from)) return { source_addr_ton: 1, source_addr_npi: 1, source_addr: from.replace(/^\+/, "") };
  if (/^\d{3,6}$/.test(from)) return { source_addr_ton: 3, source_addr_npi: 0, source_addr: from };
  return { source_addr_ton: 5, source_addr_npi: 0, source_addr: from };
}

/** 8-bit concatenation UDH (IEI 0x00): reference, total parts, this part's number. */
export function concatenationUdh(reference: number, total: number, part: number): Buffer {
  return Buffer.from([0x05, 0x00, 0x03, reference & 0xff, total, part]);
}

/**
 * One submit_sm per segment: GSM-7 default alphabet (data_coding 0) or UCS-2 (8), split exactly as
 * the message was priced (lib/content/encoding), with a concatenation UDH when there is more than
 * one part. Only the first part asks for a delivery receipt (registered_delivery 1): its id is the
 * message's provider id, so one receipt finalises the message and no other part's report is left
 * without a message to match.
 */
export function buildSubmitPdus(message: { to: string; from: string; body: string }, reference: number): SubmitSmParams[] {
  const encoding = detectEncoding(message.body);
  const parts = splitSegments(message.body);
  const base = {
    ...sourceAddress(message.from),
    dest_addr_ton: 1,
    dest_addr_npi: 1,
    destination_addr: message.to.replace(/^\+/, ""),
    data_coding: DATA_CODING[encoding],
    registered_delivery: 1,
  };
  if (parts.length <= 1) return [{ ...base, esm_class: 0, short_message: parts[0] ?? "" }];
  return parts.map((text, index) => ({
    ...base,
    registered_delivery: index === 0 ? 1 : 0,
    esm_class: ESM_CLASS_UDHI,
    short_message: { udh: concatenationUdh(reference, parts.length, index + 1), message: text },
  }));
}

export interface SmppReceipt {
  providerMessageId: string;
  /** The receipt's stat verbatim, e.g. DELIVRD. */
  stat: string;
  error: string | null;
  outcome: DeliveryOutcome | null;
  doneAt: Date | null;
}

const STAT_OUTCOMES: Record<string, DeliveryOutcome | null> = {
  DELIVRD: "delivered",
  EXPIRED: "expired",
  UNDELIV: "undeliverable",
  REJECTD: "failed",
  DELETED: "failed",
  ACCEPTD: null,
  ENROUTE: null,
  UNKNOWN: null,
};

export function mapReceiptStat(stat: string): DeliveryOutcome | null {
  return STAT_OUTCOMES[stat.trim().toUpperCase()] ?? null;
}

/** SMPP 3.4 `message_state` values (query_sm_resp, the receipt TLV) as the receipt stat they stand for. */
export const MESSAGE_STATE_STATS: Readonly<Record<number, string>> = { 1: "ENROUTE", 2: "DELIVRD", 3: "EXPIRED", 4: "DELETED", 5: "UNDELIV", 6: "ACCEPTD", 7: "UNKNOWN", 8: "REJECTD" };

/** "YYMMDDhhmm" (optionally with seconds), read as UTC. */
function parseReceiptDate(text: string | undefined): Date | null {
  const match = text?.match(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$/);
  if (!match) return null;
  const [, yy, mm, dd, hh, mi, ss] = match;
  const date = new Date(Date.UTC(2000 + Number(yy), Number(mm) - 1, Number(dd), Number(hh), Number(mi), Number(ss ?? 0)));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A delivery receipt from a deliver_sm (esm_class receipt): the de-facto text format
 * "id:… sub:… dlvrd:… submit date:… done date:… stat:… err:… text:…", with the receipted_message_id
 * TLV preferred for the id when present. Null when it is not a receipt we can read.
 */
export function parseReceipt(text: string, receiptedMessageId?: string): SmppReceipt | null {
  const field = (name: string) => text.match(new RegExp(`(?:^|\\s)${name}:(\\S*)`, "i"))?.[1];
  const id = receiptedMessageId?.trim() || field("id");
  const stat = field("stat");
  if (!id || !stat) return null;
  return {
    providerMessageId: id,
    stat: stat.toUpperCase(),
    error: field("err") ?? null,
    outcome: mapReceiptStat(stat),
    doneAt: parseReceiptDate(text.match(/done date:(\d{10,12})/i)?.[1]),
  };
}

/** The receipt text an SMSC writes (used by our simulator and tests). */
export function formatReceipt(receipt: { id: string; stat: string; err?: string; submittedAt: Date; doneAt: Date; text?: string }): string {
  const date = (value: Date) => value.toISOString().replace(/[-T:]/g, "").slice(2, 12);
  const delivered = receipt.stat === "DELIVRD" ? "001" : "000";
  return `id:${receipt.id} sub:001 dlvrd:${delivered} submit date:${date(receipt.submittedAt)} done date:${date(receipt.doneAt)} stat:${receipt.stat} err:${receipt.err ?? "000"} text:${(receipt.text ?? "").slice(0, 20)}`;
}
