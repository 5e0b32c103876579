import type { IsolationWorld } from "./world";

/**
 * What B must get when it aims a call at A's data:
 * - `not-found`: A's id is unknown to B (404 from /v1, a "not found" form error from an action);
 * - `rejected`: B names A's row inside its input (e.g. a campaign on A's list) and is refused (4xx / form error);
 * - `own`: the call succeeds about B's own account only (lists and reads show none of A's rows,
 *   creates and updates land in B's account);
 * - `refused`: operator-only, and B is no operator;
 * - `public`: the answer is the same for everyone and holds no tenant data.
 * After every case nothing of A's has changed (the suite compares A's rows before and after), and
 * the answer shows none of A's ids, names or phones but those B itself sent.
 */
export type Expectation = "not-found" | "rejected" | "own" | "refused" | "public";

export interface CaseInput {
  /** Route params ([id], [phone], [...path]). */
  params?: Record<string, string | string[]>;
  query?: Record<string, string>;
  /** JSON body, a FormData's fields, or (`sessionCall`) the one argument. */
  body?: unknown;
  /** A multipart body instead (portal uploads). */
  file?: { field: string; name: string; text: string; fields?: Record<string, string> };
}

export interface IsolationCase {
  expect: Expectation;
  input?: (world: IsolationWorld) => CaseInput;
  /** Extra checks of the (parsed) answer. */
  check?: (answer: unknown, world: IsolationWorld) => void;
}

/** Phones nobody else uses: B's own messages, and B's own opt-outs. */
export const B_PHONE = "+254799000111";
export const B_OPT_OUT_PHONE = "+254799000333";

const id = (pick: (world: IsolationWorld) => string, name = "id") => (world: IsolationWorld) => ({ params: { [name]: pick(world) } });
const notFound = (input: IsolationCase["input"]): IsolationCase => ({ expect: "not-found", input });
const own = (input?: IsolationCase["input"], extra: Partial<IsolationCase> = {}): IsolationCase => ({ expect: "own", input, ...extra });
const phoneState = (answer: unknown) => {
  const state = answer as { optedOut?: unknown; events?: unknown[] };
  if (state.optedOut !== false) throw new Error(`B sees A's opt-out: ${JSON.stringify(answer)}`);
  if (state.events && state.events.length > 0) throw new Error(`B sees A's consent events: ${JSON.stringify(answer)}`);
};

const replayedNone = (answer: unknown) => {
  if ((answer as { replayed?: unknown }).replayed !== 0) throw new Error(`B replayed deliveries: ${JSON.stringify(answer)}`);
};

/** Every exported method of every app/api/v1 route, keyed `METHOD /v1/<folder path>` (B calls with its API key). */
export const v1Cases: Record<string, IsolationCase> = {
  "GET /v1/[...path]": notFound((w) => ({ params: { path: ["messages", w.ids.message, "x"] } })),
  "POST /v1/[...path]": notFound((w) => ({ params: { path: ["campaigns", w.ids.campaign, "x"] }, body: {} })),
  "PUT /v1/[...path]": notFound((w) => ({ params: { path: ["webhooks", w.ids.endpoint] }, body: {} })),
  "PATCH /v1/[...path]": notFound((w) => ({ params: { path: ["messages", w.ids.message] }, body: {} })),
  "DELETE /v1/[...path]": notFound((w) => ({ params: { path: ["messages", w.ids.message] } })),
  "GET /v1/account": own(),
  "PATCH /v1/account": own(() => ({ body: { lowBalanceThreshold: 5_000 } })),
  "GET /v1/api-keys": own(),
  "POST /v1/api-keys": own(() => ({ body: { name: "B key" } })),
  "DELETE /v1/api-keys/[id]": notFound(id((w) => w.ids.apiKey)),
  "POST /v1/api-keys/[id]/rotate": notFound((w) => ({ params: { id: w.ids.apiKey }, body: {} })),
  "GET /v1/audit-events": own(),
  "GET /v1/balance": own(),
  "GET /v1/campaigns": own(),
  "POST /v1/campaigns": { expect: "rejected", input: (w) => ({ body: { name: "B", from: w.b.senderId, body: "hi", contactListId: w.ids.list } }) },
  "GET /v1/campaigns/[id]": notFound(id((w) => w.ids.campaign)),
  "PATCH /v1/campaigns/[id]/cancel": notFound((w) => ({ params: { id: w.ids.campaign }, body: {} })),
  "GET /v1/campaigns/[id]/messages": notFound(id((w) => w.ids.campaign)),
  "GET /v1/contact-lists": own(),
  "POST /v1/contact-lists": own(() => ({ body: { name: "B list", numbers: ["0712345678"] } })),
  "GET /v1/contact-lists/[id]": notFound(id((w) => w.ids.list)),
  "DELETE /v1/contact-lists/[id]": notFound(id((w) => w.ids.list)),
  "GET /v1/contact-lists/[id]/contacts": notFound(id((w) => w.ids.list)),
  "DELETE /v1/contact-lists/[id]/contacts": notFound((w) => ({ params: { id: w.ids.list }, query: { status: "invalid" } })),
  "PATCH /v1/contact-lists/[id]/contacts/[contactId]": notFound((w) => ({ params: { id: w.ids.list, contactId: w.ids.contact }, body: { phone: "0712345678" } })),
  "POST /v1/contact-lists/[id]/validate": notFound((w) => ({ params: { id: w.ids.list }, body: {} })),
  "GET /v1/inbound-messages": own(),
  "GET /v1/inbound-numbers": own(),
  "PATCH /v1/inbound-numbers/[id]": notFound((w) => ({ params: { id: w.ids.inboundNumber }, body: { sendConfirmations: true } })),
  "GET /v1/keywords": own(),
  "POST /v1/keywords": { expect: "rejected", input: (w) => ({ body: { keyword: "BJOIN", action: "reply", reply: "hi", number: w.shortCode } }) },
  "GET /v1/keywords/[id]": notFound(id((w) => w.ids.keyword)),
  "PATCH /v1/keywords/[id]": notFound((w) => ({ params: { id: w.ids.keyword }, body: { reply: "taken over" } })),
  "DELETE /v1/keywords/[id]": notFound(id((w) => w.ids.keyword)),
  "GET /v1/messages": own(),
  "POST /v1/messages": own((w) => ({ body: { to: B_PHONE, from: w.b.senderId, body: "B's own message" } })),
  "GET /v1/messages/[id]": notFound(id((w) => w.ids.message)),
  "POST /v1/messages/batch": own((w) => ({ body: { from: w.b.senderId, body: "B's batch", to: [B_PHONE] } })),
  "POST /v1/messages/preview": own((w) => ({ body: { to: B_PHONE, from: w.b.senderId, body: "preview" } })),
  "GET /v1/openapi.json": { expect: "public" },
  "GET /v1/opt-outs": own(),
  "POST /v1/opt-outs": own(() => ({ body: { phone: B_OPT_OUT_PHONE } })),
  "GET /v1/opt-outs/[phone]": { expect: "own", input: id((w) => w.phone, "phone"), check: phoneState },
  "DELETE /v1/opt-outs/[phone]": notFound(id((w) => w.phone, "phone")),
  "GET /v1/opt-outs/[phone]/history": { expect: "own", input: id((w) => w.phone, "phone"), check: phoneState },
  "GET /v1/sender-ids": own(),
  "POST /v1/sender-ids": own(() => ({ body: { value: "BOWNID", purpose: "B's" } })),
  "GET /v1/sender-ids/[id]": notFound(id((w) => w.ids.senderId)),
  "GET /v1/webhooks": own(),
  "POST /v1/webhooks": own(() => ({ body: { url: "http://127.0.0.1:9/b-hook", events: ["*"] } })),
  "GET /v1/webhooks/[id]": notFound(id((w) => w.ids.endpoint)),
  "PATCH /v1/webhooks/[id]": notFound((w) => ({ params: { id: w.ids.endpoint }, body: { url: "http://127.0.0.1:9/stolen" } })),
  "DELETE /v1/webhooks/[id]": notFound(id((w) => w.ids.endpoint)),
  "GET /v1/webhooks/[id]/deliveries": notFound(id((w) => w.ids.endpoint)),
  "POST /v1/webhooks/[id]/rotate-secret": notFound((w) => ({ params: { id: w.ids.endpoint }, body: {} })),
  "POST /v1/webhooks/[id]/test": notFound((w) => ({ params: { id: w.ids.endpoint }, body: {} })),
  "GET /v1/webhooks/deliveries": own(),
  "GET /v1/webhooks/deliveries/[deliveryId]": notFound(id((w) => w.ids.delivery, "deliveryId")),
  "POST /v1/webhooks/deliveries/[deliveryId]/replay": notFound((w) => ({ params: { deliveryId: w.ids.delivery }, body: {} })),
  "POST /v1/webhooks/deliveries/replay": own((w) => ({ body: { since: "2020-01-01T00:00:00Z", endpointId: w.ids.endpoint } }), { check: replayedNone }),
};

