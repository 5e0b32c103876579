import { describe, expect, it } from "vitest";
import { groupIntoJobs } from "@/lib/webhooks/dispatch-deliveries";
import { callbackWants, endpointWants, eventTypeForStatus } from "@/lib/webhooks/event-types";

describe("event types and filters", () => {
  it("emits nothing for internal states", () => {
    expect(eventTypeForStatus("queued")).toBeNull();
    expect(eventTypeForStatus("submitted")).toBe("message.submitted");
    expect(eventTypeForStatus("undeliverable")).toBe("message.undeliverable");
  });

  it("matches endpoint filters: exact, family wildcard and *", () => {
    expect(endpointWants(["message.delivered"], "message.delivered")).toBe(true);
    expect(endpointWants(["message.delivered"], "message.failed")).toBe(false);
    expect(endpointWants(["message.*"], "message.failed")).toBe(true);
    expect(endpointWants(["message.*"], "campaign.completed")).toBe(false);
    expect(endpointWants(["*"], "contact_list.validated")).toBe(true);
    expect(endpointWants(["*"], "webhook.test")).toBe(false);
    expect(endpointWants(["message.*"], "message.inbound")).toBe(true);
    expect(endpointWants(["message.inbound"], "message.inbound")).toBe(true);
    expect(endpointWants(["message.delivered"], "message.inbound")).toBe(false);
  });

  it("matches per-message selections by status, event type or not_delivered; empty means all", () => {
    expect(callbackWants([], "message.sent")).toBe(true);
    expect(callbackWants(["message.delivered"], "message.sent")).toBe(false);
    expect(callbackWants(["delivered"], "message.delivered")).toBe(true);
    expect(callbackWants(["delivered", "not_delivered"], "message.expired")).toBe(true);
    expect(callbackWants(["not_delivered"], "message.delivered")).toBe(false);
    expect(callbackWants(["not_delivered"], "message.rejected")).toBe(true);
    expect(callbackWants(["pending"], "message.submitted")).toBe(true);
    expect(callbackWants(["pending"], "message.sent")).toBe(true);
    expect(callbackWants(["pending"], "message.delivered")).toBe(false);
    expect(callbackWants(["message.delivered"], "campaign.completed")).toBe(false);
  });

  it("groups deliveries: up to 1,000 per batch endpoint, small chunks otherwise", () => {
    const rows = [
      ...Array.from({ length: 1_500 }, (_, i) => ({ id: `b${i}`, account_id: "a", endpoint_id: "batch", url: "u", batch: true })),
      ...Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, account_id: "a", endpoint_id: null, url: "cb", batch: false })),
      // Batched callbacks: one group per account and URL, never two accounts in one request.
      ...Array.from({ length: 3 }, (_, i) => ({ id: `c${i}`, account_id: "a", endpoint_id: null, url: "batched", batch: true })),
      ...Array.from({ length: 2 }, (_, i) => ({ id: `d${i}`, account_id: "b", endpoint_id: null, url: "batched", batch: true })),
    ];
    const jobs = groupIntoJobs(rows);
    expect(jobs.map((job) => job.length)).toEqual([1_000, 500, 25, 5, 3, 2]);
  });
});
