import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DELETE as optInRoute } from "@/app/api/v1/opt-outs/[phone]/route";
import { POST as optOutRoute } from "@/app/api/v1/opt-outs/route";
import { db } from "@/lib/db";
import { runWithContext } from "@/lib/observability/request-context";
import { createProvider, updateProvider } from "@/lib/routing/manage-providers";
import { setRoute } from "@/lib/routing/manage-routes";
import { createTestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";

const OPERATOR = { type: "operator" as const, id: null, label: "cli:audit-test", accountId: null };

describe("audit log: provider, route and opt-out changes", () => {
  it("records provider creation and updates and route changes by the operator, never the provider's secrets", async () => {
    const name = `audit-${randomBytes(3).toString("hex")}`;
    await runWithContext({ requestId: "req_audit_routing", actor: OPERATOR }, async () => {
      await createProvider({ name, kind: "celcom", settings: { baseUrl: "http://127.0.0.1:9", partnerId: "p1" }, secrets: { apiKey: "very-secret-key" } });
      await updateProvider(name, { maxPerSecond: 25, secrets: { apiKey: "rotated-secret-key" } });
      await setRoute({ country: "UG", providers: [name] });
    });
    const events = await db.auditEvent.findMany({ where: { targetId: { in: [name, "UG"] } }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["provider.update", "provider.update", "route.update"]);
    expect(events.every((event) => event.actorType === "operator" && event.actorLabel === "cli:audit-test")).toBe(true);
    expect(events[1].before).toMatchObject({ maxPerSecond: 100 });
    expect(events[1].after).toMatchObject({ maxPerSecond: 25 });
    expect(events[2].after).toMatchObject({ country: "UG", providers: [name] });
    expect(JSON.stringify(events.map((event) => [event.before, event.after]))).not.toMatch(/very-secret-key|rotated-secret-key/);
  });

  it("records an opt-out and the opt back in, with the API key that asked", async () => {
    const account = await createTestAccount();
    expect((await callRoute(optOutRoute, { apiKey: account.apiKey, body: { phone: "0712345621" } })).status).toBeLessThan(300);
    expect((await callRoute(optInRoute, { method: "DELETE", apiKey: account.apiKey, params: { phone: "+254712345621" } })).status).toBe(200);
    const events = await db.auditEvent.findMany({ where: { accountId: account.accountId, action: { startsWith: "opt_out." } }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, event.targetId, event.actorType])).toEqual([
      ["opt_out.create", "+254712345621", "api_key"],
      ["opt_out.delete", "+254712345621", "api_key"],
    ]);
  });
});
