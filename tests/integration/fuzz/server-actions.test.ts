import path from "node:path";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/config";
import { UNEXPECTED_FAILURE_MESSAGE } from "@/lib/auth/session-action";
import { db } from "@/lib/db";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { sessionUserOf, signInAs } from "@/tests/helpers/portal-session";
import { clientJson, findFiles, FUZZ_RUNS, FUZZ_SEED, FUZZ_TIMEOUT_MS, mutatedObject, ROOT } from "./arbitraries";

vi.mock("@/lib/auth/next-auth", () => import("@/tests/helpers/portal-session"));
// Outside a Next.js request there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

// Every exported server action of the portal (every actions.ts under app/ and components/), called
// the way any client can call one: with any arguments, as a signed-in owner, member or operator,
// or signed out. It never throws (Next's redirect signal aside), always answers a FormState, and
// never fails unexpectedly (the wrapper's catch-all is an action's 500).
// Sign-in and sign-up (app/(auth)) run without a session and are left to their own tests.

type Action = (...args: unknown[]) => Promise<unknown>;

const targets = (
  await Promise.all(
    [...findFiles("app", "actions.ts"), ...findFiles("components", "actions.ts")]
      .filter((file) => !file.startsWith(path.join("app", "(auth)")))
      .map(async (file) => {
        const exported = (await import(path.join(ROOT, file))) as Record<string, unknown>;
        return Object.entries(exported)
          .filter((entry): entry is [string, Action] => typeof entry[1] === "function")
          .map(([name, action]) => ({ target: `${name} (${file})`, action }));
      }),
  )
).flat();

// Rows the actions can find, made while the suite is collected because the arbitraries are built
// from their ids.
const owner: TestAccount = await createTestAccount({ credits: 10_000_000 });
const other = await createTestAccount();
const endpoint = await createWebhookEndpoint(owner.accountId, { url: "http://127.0.0.1:9/fuzz", events: ["*"] });
await sendTestEvent(owner.accountId, endpoint.id);
const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { accountId: owner.accountId } });
const list = await db.contactList.create({ data: { accountId: owner.accountId, name: "Fuzz", source: "numbers", status: "ready" } });
const campaign = await db.campaign.create({ data: { accountId: owner.accountId, name: "Fuzz", from: "SEMATEST", body: "hi", status: "scheduled", sendAt: new Date(Date.now() + 86_400_000) } });
const key = await db.apiKey.findFirstOrThrow({ where: { accountId: owner.accountId } });
const otherList = await db.contactList.create({ data: { accountId: other.accountId, name: "Other", source: "numbers", status: "ready" } });
const senderId = await db.senderId.create({ data: { accountId: other.accountId, value: "PENDING1" } });
const ids = [owner.accountId, other.accountId, endpoint.id, delivery.id, list.id, campaign.id, key.id, otherList.id, senderId.id];
const known = [...ids, "0712345678", "SEMATEST", "*", "message.delivered", "http://127.0.0.1:9/fuzz", "later", "2030-01-01T10:00", "Africa/Nairobi", "KE", "24", "approved", "on"];
const sessions: (SessionUser | null)[] = [sessionUserOf(owner), sessionUserOf(owner, { role: "member" }), sessionUserOf(owner, { isOperator: true }), null];

/** Fields every portal form could carry, with valid values; `id`-like fields get one of the rows above. */
const VALID_FORM: Record<string, string> = {
  name: "Fuzz",
  from: "SEMATEST",
  to: "0712345678",
  body: "Hello {{name}}",
  phone: "0712345678",
  value: "ACMEFUZZ",
  purpose: "Order updates",
  url: "http://127.0.0.1:9/hook",
  events: "message.delivered",
  description: "Fuzzed",
  batch: "on",
  status: "active",
  hours: "24",
  amount: "10.50",
  decision: "rejected",
  reason: "Not registered",
  defaultCountry: "KE",
  timezone: "Africa/Nairobi",
  when: "later",
  sendAtLocal: "2030-01-01T10:00",
  priority: "normal",
  contactId: "1",
};
const ID_FIELDS = ["id", "listId", "campaignId", "contactListId", "accountId", "endpointId"];

const formArbitrary = fc
  .tuple(fc.constantFrom(...ids), fc.constantFrom(...ID_FIELDS))
  .chain(([id, idField]) => mutatedObject({ ...VALID_FORM, [idField]: id }, known))
  .map((fields) => Object.entries(fields).map(([name, value]) => [name, typeof value === "string" ? value : (JSON.stringify(value) ?? "")] as const));

const callArbitrary = fc.record({
  session: fc.nat(3),
  // As from a form (previous state, FormData), or whatever else a client put in the call.
  args: fc.oneof(
    { weight: 4, arbitrary: fc.tuple(clientJson(), formArbitrary).map(([previous, fields]) => ({ kind: "form" as const, previous, fields })) },
    { weight: 1, arbitrary: fc.array(clientJson(known), { maxLength: 3 }).map((values) => ({ kind: "raw" as const, values })) },
  ),
});

function isNextRedirect(error: unknown): boolean {
  return typeof (error as { digest?: unknown } | null)?.digest === "string" && (error as { digest: string }).digest.startsWith("NEXT_REDIRECT");
}

describe.each(targets)("$target", ({ action }) => {
  test.prop([callArbitrary], { numRuns: FUZZ_RUNS, seed: FUZZ_SEED })(
    "never throws and answers a FormState",
    async ({ session, args }) => {
      signInAs(sessions[session]);
      let callArgs: unknown[];
      if (args.kind === "form") {
        const form = new FormData();
        for (const [name, value] of args.fields) form.append(name, value);
        callArgs = [args.previous, form];
      } else {
        callArgs = args.values;
      }
      let result: unknown;
      try {
        result = await action(...callArgs);
      } catch (error) {
        if (isNextRedirect(error)) return;
        throw error;
      }
      expect(result).toMatchObject({ status: expect.stringMatching(/^(idle|error|success)$/) });
      expect((result as { message?: string }).message).not.toBe(UNEXPECTED_FAILURE_MESSAGE);
    },
    FUZZ_TIMEOUT_MS,
  );
});
