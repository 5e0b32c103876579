import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as auditRoute } from "@/app/api/v1/audit-events/route";
import { POST as createKeyRoute } from "@/app/api/v1/api-keys/route";
import { DELETE as revokeKeyRoute } from "@/app/api/v1/api-keys/[id]/route";
import { POST as rotateKeyRoute } from "@/app/api/v1/api-keys/[id]/rotate/route";
import { POST as requestSenderIdRoute } from "@/app/api/v1/sender-ids/route";
import { POST as createWebhookRoute } from "@/app/api/v1/webhooks/route";
import { DELETE as deleteWebhookRoute, PATCH as updateWebhookRoute } from "@/app/api/v1/webhooks/[id]/route";
import { POST as rotateWebhookSecretRoute } from "@/app/api/v1/webhooks/[id]/rotate-secret/route";
import { updateAccountSettings } from "@/lib/accounts/get-account";
import { recordAudit, registerAuditContextResolver } from "@/lib/audit/record-audit";
import { clientIp } from "@/lib/auth/client-ip";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { topUpCredits } from "@/lib/credits/movements";
import { db } from "@/lib/db";
import { runWithContext, type Actor } from "@/lib/observability/request-context";
import { decideSenderId } from "@/lib/sender-ids/decide-sender-id";
import { rotateCallbackSecret } from "@/lib/webhooks/rotate-callback-secret";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";

// Without TRUST_PROXY the last X-Forwarded-For entry is the client (see lib/auth/client-ip.ts).
const CLIENT = { "x-forwarded-for": "10.0.0.1, 203.0.113.7", "user-agent": "audit-test/1.0" };

async function events(accountId: string, action: string) {
  return db.auditEvent.findMany({ where: { accountId, action }, orderBy: { id: "asc" } });
}

/** Everything stored for the matching events, as text (to prove a secret is in none of it). */
async function storedText(where: NonNullable<Parameters<typeof db.auditEvent.findMany>[0]>["where"]): Promise<string> {
  return JSON.stringify(await db.auditEvent.findMany({ where }), (_key, value) => (typeof value === "bigint" ? value.toString() : value));
}

function portalUser(account: TestAccount): Actor {
  return { type: "user", id: account.userId, label: account.email, accountId: account.accountId };
}

interface AuditPage {
  data: { id: string; action: string; actor: { type: string; label: string | null }; accountId: string; before: unknown; after: unknown; ip: string | null }[];
  nextCursor: string | null;
}

describe("audit log", () => {
  it("records API key creation, rotation and revocation by the calling key, with the client's address and no key material", async () => {
    const account = await createTestAccount();
    const created = await callRoute<{ id: string; key: string; prefix: string }>(createKeyRoute, { apiKey: account.apiKey, body: { name: "Billing" }, headers: CLIENT });
    expect(created.status).toBe(201);
    const rotated = await callRoute<{ id: string; key: string }>(rotateKeyRoute, { apiKey: account.apiKey, params: { id: created.body.id }, headers: CLIENT, method: "POST" });
    expect(rotated.status).toBe(201);
    expect((await callRoute(revokeKeyRoute, { apiKey: account.apiKey, params: { id: created.body.id }, method: "DELETE", headers: CLIENT })).status).toBe(200);

    const [create] = (await events(account.accountId, "api_key.create")).filter((event) => event.targetId === created.body.id);
    expect(create).toMatchObject({ actorType: "api_key", actorLabel: expect.stringMatching(/^sl_/), ip: "203.0.113.7", userAgent: "audit-test/1.0", after: { name: "Billing", prefix: created.body.prefix } });
    expect(create.requestId).toMatch(/^req_/);
    const [rotate] = await events(account.accountId, "api_key.rotate");
    expect(rotate).toMatchObject({ targetId: created.body.id, after: { replacedBy: { id: rotated.body.id } } });
    const [revoke] = await events(account.accountId, "api_key.revoke");
    expect(revoke).toMatchObject({ targetId: created.body.id, before: { revokedAt: null } });
    const stored = await storedText({ accountId: account.accountId });
    expect(stored).not.toContain(created.body.key);
    expect(stored).not.toContain(rotated.body.key);
    expect(stored).not.toContain(account.apiKey);
  });

  it("records webhook endpoint create, update, secret rotation and delete with before/after, secrets redacted", async () => {
    const account = await createTestAccount();
    const created = await callRoute<{ id: string; secret: string }>(createWebhookRoute, {
      apiKey: account.apiKey,
      body: { url: "http://127.0.0.1:9/hooks", events: ["message.*"] },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await callRoute(updateWebhookRoute, { apiKey: account.apiKey, params: { id }, method: "PATCH", body: { description: "Orders" } })).status).toBe(200);
    const rotated = await callRoute<{ secret: string }>(rotateWebhookSecretRoute, { apiKey: account.apiKey, params: { id }, method: "POST" });
    expect((await callRoute(deleteWebhookRoute, { apiKey: account.apiKey, params: { id }, method: "DELETE" })).status).toBe(204);
    const callbackSecret = await runWithContext({ requestId: "req_audit_cb", actor: portalUser(account) }, () => rotateCallbackSecret(account.accountId));

    const actions = (await db.auditEvent.findMany({ where: { accountId: account.accountId, targetId: id }, orderBy: { id: "asc" } })).map((event) => event.action);
    expect(actions).toEqual(["webhook.create", "webhook.update", "webhook.rotate_secret", "webhook.delete"]);
    const [update] = await events(account.accountId, "webhook.update");
    expect(update).toMatchObject({ before: { description: null }, after: { description: "Orders" } });
    const [rotation] = await events(account.accountId, "webhook.rotate_secret");
    expect(rotation.after).toMatchObject({ secret: "[redacted]" });
    expect(await events(account.accountId, "callback_secret.rotate")).toEqual([
      expect.objectContaining({ actorType: "user", actorId: account.userId, after: { callbackSecret: "[redacted]" } }),
    ]);
    const stored = await storedText({ accountId: account.accountId });
    for (const secret of [created.body.secret, rotated.body.secret, callbackSecret]) expect(stored).not.toContain(secret);
  });

  it("records sender-ID requests and operator decisions, top-ups and settings changes with their actors", async () => {
    const account = await createTestAccount({ credits: 1_000 });
    const value = `AUD${randomBytes(2).toString("hex").toUpperCase()}`;
    const requested = await callRoute<{ id: string }>(requestSenderIdRoute, { apiKey: account.apiKey, body: { value, purpose: "Receipts" } });
    expect(requested.status).toBe(201);
    const operatorUser: Actor = { type: "user", id: account.userId, label: "ops@semalink.test", accountId: account.accountId };
    await runWithContext({ requestId: "req_audit_decide", actor: operatorUser }, () => decideSenderId(requested.body.id, "rejected", account.userId, "Not registered"));
    const cli: Actor = { type: "operator", id: null, label: "cli:audit-test", accountId: null };
    await runWithContext({ requestId: "req_audit_topup", actor: cli }, () => topUpCredits(account.accountId, 50_000, { description: "Invoice 42" }));
    await runWithContext({ requestId: "req_audit_settings", actor: portalUser(account), ip: "198.51.100.4" }, () =>
      updateAccountSettings(account.accountId, { name: "Renamed Org", defaultCountry: "KE", timezone: "Africa/Nairobi" }),
    );

    expect(await events(account.accountId, "sender_id.request")).toEqual([expect.objectContaining({ actorType: "api_key", after: expect.objectContaining({ value, status: "pending" }) })]);
    expect(await events(account.accountId, "sender_id.reject")).toEqual([
      expect.objectContaining({ actorType: "operator", actorLabel: "ops@semalink.test", before: expect.objectContaining({ status: "pending" }), after: expect.objectContaining({ status: "rejected", reason: "Not registered" }) }),
    ]);
    const topUps = await events(account.accountId, "credits.top_up");
    expect(topUps.at(-1)).toMatchObject({ actorType: "operator", actorLabel: "cli:audit-test", after: { amount: "50000", description: "Invoice 42" } });
    expect(await events(account.accountId, "account.update_settings")).toEqual([
      expect.objectContaining({ actorType: "user", ip: "198.51.100.4", before: expect.objectContaining({ name: expect.stringMatching(/^Test Org/) }), after: expect.objectContaining({ name: "Renamed Org" }) }),
    ]);
  });

  it("records sign-ins, failed sign-ins (never the password) and sign-outs", async () => {
    const account = await createTestAccount();
    const request = new Request("http://localhost/api/auth/callback/credentials", { headers: CLIENT });
    const origin = { ip: clientIp(request.headers), userAgent: request.headers.get("user-agent") };
    expect(await verifyCredentials(account.email, account.password, origin)).toMatchObject({ id: account.userId });
    expect(await verifyCredentials(account.email, "not-the-password", origin)).toBeNull();
    const unknown = `nobody-${randomBytes(3).toString("hex")}@example.test`;
    expect(await verifyCredentials(unknown, "whatever-password", origin)).toBeNull();

    expect(await events(account.accountId, "auth.sign_in")).toEqual([expect.objectContaining({ actorType: "user", actorId: account.userId, ip: "203.0.113.7" })]);
    expect(await events(account.accountId, "auth.sign_in_failed")).toEqual([expect.objectContaining({ actorLabel: account.email, after: { reason: "wrong_password" } })]);
    const unknownAttempt = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_failed", actorLabel: unknown } });
    expect(unknownAttempt).toMatchObject({ accountId: null, actorId: null, after: { reason: "unknown_email" } });
    expect(await storedText({ action: { startsWith: "auth." } })).not.toMatch(/not-the-password|whatever-password/);

    // A portal request has no request context of ours: the web app's resolver supplies the session.
    registerAuditContextResolver(async () => ({ requestId: "req_portal", ip: "192.0.2.1", userAgent: "browser", actor: portalUser(account) }));
    await recordAudit({ action: "auth.sign_out", target: { type: "session" } });
    expect(await events(account.accountId, "auth.sign_out")).toEqual([expect.objectContaining({ actorType: "user", actorId: account.userId, ip: "192.0.2.1", requestId: "req_portal" })]);
  });

  it("is append-only", async () => {
    const account = await createTestAccount();
    await expect(db.$executeRaw`UPDATE audit_events SET action = 'x' WHERE account_id = ${account.accountId}::uuid`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM audit_events WHERE account_id = ${account.accountId}::uuid`).rejects.toThrow(/append-only/);
  });
});

describe("GET /v1/audit-events", () => {
  it("lists only the caller's account, newest first, filtered by action and time, a page at a time", async () => {
    const account = await createTestAccount();
    const other = await createTestAccount();
    const before = new Date();
    for (const name of ["one", "two", "three"]) {
      expect((await callRoute(createKeyRoute, { apiKey: account.apiKey, body: { name } })).status).toBe(201);
    }
    await callRoute(createKeyRoute, { apiKey: other.apiKey, body: { name: "other's" } });

    const first = await callRoute<AuditPage>(auditRoute, { apiKey: account.apiKey, path: "/v1/audit-events?action=api_key.create&limit=2" });
    expect(first.status).toBe(200);
    expect(first.body.data.map((event) => (event.after as { name: string }).name)).toEqual(["three", "two"]);
    expect(first.body.data.every((event) => event.accountId === account.accountId && event.actor.type === "api_key")).toBe(true);
    const second = await callRoute<AuditPage>(auditRoute, { apiKey: account.apiKey, path: `/v1/audit-events?action=api_key.create&limit=2&cursor=${first.body.nextCursor}` });
    // The opening key created with the account comes last.
    expect(second.body.data.map((event) => (event.after as { name: string }).name)).toEqual(["one", "Default key"]);
    expect(second.body.nextCursor).toBeNull();

    const recent = await callRoute<AuditPage>(auditRoute, { apiKey: account.apiKey, path: `/v1/audit-events?since=${encodeURIComponent(before.toISOString())}` });
    expect(recent.body.data).toHaveLength(3);
    const none = await callRoute<AuditPage>(auditRoute, { apiKey: account.apiKey, path: `/v1/audit-events?until=${encodeURIComponent(before.toISOString())}&action=api_key.revoke` });
    expect(none.body.data).toEqual([]);
    const all = JSON.stringify((await callRoute<AuditPage>(auditRoute, { apiKey: account.apiKey, path: "/v1/audit-events?limit=200" })).body);
    expect(all).not.toContain("other's");
  });

  it("refuses bad filters with 422 and per-field details, and unauthenticated calls with 401", async () => {
    const account = await createTestAccount();
    for (const query of ["action=api_key.explode", "cursor=not-a-cursor", "limit=0", "since=yesterday"]) {
      const response = await callRoute<{ error: { code: string; details: { field: string }[] } }>(auditRoute, { apiKey: account.apiKey, path: `/v1/audit-events?${query}` });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe("validation_failed");
      expect(response.body.error.details[0].field).toBe(query.split("=")[0]);
    }
    expect((await callRoute(auditRoute, { path: "/v1/audit-events" })).status).toBe(401);
  });
});
