import { describe, expect, it } from "vitest";
import { routeTemplate } from "@/lib/observability/observe-request";
import { requestIdFrom } from "@/lib/observability/request-context";

describe("routeTemplate", () => {
  it("replaces route parameters with their names so ids never become label values", () => {
    const id = "0b7c6c1e-2f55-4b8e-9d0e-5f1f1c2a3b4c";
    expect(routeTemplate(`/v1/messages/${id}`, { id })).toBe("/v1/messages/:id");
    expect(routeTemplate(`/api/v1/webhooks/${id}/deliveries`, { id })).toBe("/v1/webhooks/:id/deliveries");
    expect(routeTemplate("/v1/messages", {})).toBe("/v1/messages");
  });

  it("hides callback tokens in the path and collapses catch-all segments", () => {
    expect(routeTemplate("/api/callbacks/celcom/dlr/s3cret-token", { token: "s3cret-token" })).toBe("/api/callbacks/celcom/dlr/:token");
    expect(routeTemplate("/api/v1/no/such/route", { path: ["no", "such", "route"] })).toBe("/v1/:path*");
  });
});

describe("requestIdFrom", () => {
  it("keeps a caller's sane request id and replaces anything else", () => {
    expect(requestIdFrom(new Headers({ "x-request-id": "abc-123:def" }))).toBe("abc-123:def");
    expect(requestIdFrom(new Headers())).toMatch(/^req_[0-9a-f-]{36}$/);
    expect(requestIdFrom(new Headers({ "x-request-id": "has spaces and <tags>" }))).toMatch(/^req_/);
    expect(requestIdFrom(new Headers({ "x-request-id": "x".repeat(200) }))).toMatch(/^req_/);
  });
});
