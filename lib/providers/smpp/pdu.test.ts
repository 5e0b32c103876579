import * as smpp from "smpp";
import { describe, expect, it } from "vitest";
import { classifySmppStatus, SMPP_STATUS } from "@/lib/providers/smpp/codes";
import { buildSubmitPdus, formatReceipt, parseReceipt } from "@/lib/providers/smpp/pdu";

/** Encodes a submit_sm the way the session would write it and reads it back, as an SMSC would. */
function roundTrip(params: object) {
  const pdu = new smpp.PDU("submit_sm", { ...params });
  const read = smpp.PDU.fromBuffer(pdu.toBuffer());
  return { pdu: read, raw: pdu.toBuffer() };
}

describe("submit_sm building", () => {
  it("sends a short GSM-7 message as one submit_sm with the default alphabet and a receipt requested", () => {
    const [part, ...rest] = buildSubmitPdus({ to: "+254712345678", from: "SEMALINK", body: "Your code is 1234 {ok}" }, 7);
    expect(rest).toEqual([]);
    expect(part).toMatchObject({ destination_addr: "254712345678", source_addr: "SEMALINK", source_addr_ton: 5, data_coding: 0, esm_class: 0, registered_delivery: 1 });
    const { pdu } = roundTrip(part);
    expect((pdu.short_message as { message: string }).message).toBe("Your code is 1234 {ok}");
  });

  it("uses UCS-2 (data_coding 8) for text outside GSM-7", () => {
    const [part] = buildSubmitPdus({ to: "+254712345678", from: "SEMALINK", body: "Habari 😀" }, 1);
    expect(part.data_coding).toBe(8);
    const { pdu } = roundTrip(part);
    expect(pdu.data_coding).toBe(8);
    expect((pdu.short_message as { message: string }).message).toBe("Habari 😀");
  });

  it("splits a long GSM-7 message into 153-character parts with a concatenation UDH; only the first asks for a receipt", () => {
    const body = "A".repeat(153) + "B".repeat(153) + "C".repeat(10);
    const parts = buildSubmitPdus({ to: "+254712345678", from: "12345", body }, 0x2a);
    expect(parts).toHaveLength(3);
    expect(parts.map((part) => part.registered_delivery)).toEqual([1, 0, 0]);
    parts.forEach((part, index) => {
      const { pdu } = roundTrip(part);
      expect(Number(pdu.esm_class) & 0x40).toBe(0x40);
      const content = pdu.short_message as { udh: Buffer[]; message: string };
      expect([...content.udh[0]]).toEqual([0x00, 0x03, 0x2a, 3, index + 1]);
      expect(content.message).toBe(body.slice(index * 153, index * 153 + 153));
    });
  });

  it("splits long UCS-2 text into 67-unit parts", () => {
    const body = "ж".repeat(140);
    const parts = buildSubmitPdus({ to: "+254712345678", from: "SEMALINK", body }, 1);
    expect(parts).toHaveLength(3);
    expect(parts.every((part) => part.data_coding === 8)).toBe(true);
  });
});

describe("delivery receipts", () => {
  it("reads the receipt text and maps stat to our statuses", () => {
    const text = formatReceipt({ id: "abc123", stat: "DELIVRD", submittedAt: new Date("2026-12-01T10:00:00Z"), doneAt: new Date("2026-12-01T10:01:00Z") });
    expect(parseReceipt(text)).toEqual({ providerMessageId: "abc123", stat: "DELIVRD", error: "000", outcome: "delivered", doneAt: new Date("2026-12-01T10:01:00Z") });
    expect(parseReceipt("id:9 sub:001 dlvrd:000 submit date:2612011000 done date:2612011001 stat:UNDELIV err:001 text:")?.outcome).toBe("undeliverable");
    expect(parseReceipt("id:9 stat:EXPIRED err:000")?.outcome).toBe("expired");
    expect(parseReceipt("id:9 stat:REJECTD err:000")?.outcome).toBe("failed");
    expect(parseReceipt("id:9 stat:ENROUTE err:000")?.outcome).toBeNull();
    expect(parseReceipt("id:9 stat:ACCEPTD")?.outcome).toBeNull();
  });

  it("prefers the receipted_message_id TLV and rejects text that is no receipt", () => {
    expect(parseReceipt("id:short stat:DELIVRD", "full-id-77")?.providerMessageId).toBe("full-id-77");
    expect(parseReceipt("hello there")).toBeNull();
  });
});

describe("command_status mapping", () => {
  it("retries throttling, queue-full and system errors; not an invalid destination or a barred number", () => {
    expect(classifySmppStatus(SMPP_STATUS.ESME_RTHROTTLED)).toMatchObject({ retryable: true, code: "smpp_throttled" });
    expect(classifySmppStatus(SMPP_STATUS.ESME_RMSGQFUL)).toMatchObject({ retryable: true });
    expect(classifySmppStatus(SMPP_STATUS.ESME_RSYSERR)).toMatchObject({ retryable: true });
    expect(classifySmppStatus(SMPP_STATUS.ESME_RINVDSTADR)).toMatchObject({ retryable: false, code: "smpp_invalid_destination" });
    expect(classifySmppStatus(SMPP_STATUS.ESME_RX_P_APPN)).toMatchObject({ retryable: false, code: "smpp_barred" });
    expect(classifySmppStatus(0x4ff)).toMatchObject({ retryable: true, code: "smpp_status_0x4ff", providerCode: 0x4ff });
  });
});
