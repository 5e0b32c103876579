import { describe, expect, it } from "vitest";
import { RetryableSendError, sendBackoffDelay, sendJobOptions, sendQueueFor } from "@/lib/sending/send-jobs";

const noJitter = () => 0.5;

describe("sendBackoffDelay", () => {
  it("doubles the base delay with every failed attempt", () => {
    expect([1, 2, 3, 4].map((attempt) => sendBackoffDelay(attempt, 1_000, undefined, noJitter))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("keeps jitter within ±20 %", () => {
    expect(sendBackoffDelay(2, 1_000, undefined, () => 0)).toBe(1_600);
    expect(sendBackoffDelay(2, 1_000, undefined, () => 1)).toBe(2_400);
  });

  it("waits at least as long as the provider asked", () => {
    const error = new RetryableSendError("celcom_4090_internal_error", 300_000);
    expect(sendBackoffDelay(1, 1_000, error, noJitter)).toBe(300_000);
  });

  it("ignores hints on errors that are not send failures", () => {
    expect(sendBackoffDelay(1, 1_000, new Error("database down"), noJitter)).toBe(1_000);
  });
});

describe("send jobs", () => {
  it("routes high priority to sms.priority and the rest to sms.normal", () => {
    expect(sendQueueFor("high")).toBe("smsPriority");
    expect(sendQueueFor("normal")).toBe("smsNormal");
  });

  it("uses the message id as job id so a message has at most one job", () => {
    expect(sendJobOptions("b5c1a7a2-0000-4000-8000-000000000001", 3)).toMatchObject({
      jobId: "b5c1a7a2-0000-4000-8000-000000000001",
      attempts: 3,
    });
  });
});
