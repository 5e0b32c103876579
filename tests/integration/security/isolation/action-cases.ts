import { B_OPT_OUT_PHONE, B_PHONE, type IsolationCase } from "./cases";
import type { IsolationWorld } from "./world";

// Form fields of an action call; `id`-like fields name A's rows.
const form = (fields: (world: IsolationWorld) => Record<string, string | string[]>): IsolationCase["input"] => (world) => ({ body: fields(world) });
const notFound = (fields: (world: IsolationWorld) => Record<string, string | string[]>): IsolationCase => ({ expect: "not-found", input: form(fields) });
const own = (fields: (world: IsolationWorld) => Record<string, string | string[]> = () => ({})): IsolationCase => ({ expect: "own", input: form(fields) });
const operatorOnly = (fields: (world: IsolationWorld) => Record<string, string | string[]>): IsolationCase => ({ expect: "refused", input: form(fields) });

/**
 * Every exported server action (app/**\/actions.ts and components/**\/actions.ts), keyed
 * `<file> <export>`; B calls each signed in as its owner (no operator). Sign-in, sign-up and
 * sign-out (app/(auth)) act on no account's rows and are covered by tests/integration/security/sign-in*.
 */
export const actionCases: Record<string, IsolationCase> = {
  "app/(auth)/actions.ts signInAction": { expect: "public" },
  "app/(auth)/actions.ts signUpAction": { expect: "public" },
  "app/(auth)/actions.ts signOutAction": { expect: "public" },
  // Acts on the invite its token names, never on the caller's account; tests/integration/team covers tokens.
  "app/(auth)/actions.ts acceptInviteAction": { expect: "public" },
  "app/(portal)/api-keys/actions.ts createApiKeyAction": own(() => ({ name: "B portal key" })),
  "app/(portal)/api-keys/actions.ts rotateApiKeyAction": notFound((w) => ({ id: w.ids.apiKey })),
  "app/(portal)/api-keys/actions.ts revokeApiKeyAction": notFound((w) => ({ id: w.ids.apiKey })),
  "app/(portal)/campaigns/actions.ts estimateCampaignAction": notFound((w) => ({ contactListId: w.ids.list, body: "hi" })),
  "app/(portal)/campaigns/actions.ts sampleContactsAction": { expect: "not-found", input: (w) => ({ body: w.ids.list }) },
  "app/(portal)/campaigns/actions.ts createCampaignAction": {
    expect: "rejected",
    input: form((w) => ({ name: "B", from: w.b.senderId, body: "hi", contactListId: w.ids.list, when: "now" })),
  },
  "app/(portal)/campaigns/actions.ts cancelCampaignAction": notFound((w) => ({ campaignId: w.ids.campaign })),
  "app/(portal)/campaigns/actions.ts retryFailedAction": notFound((w) => ({ campaignId: w.ids.campaign })),
  "app/(portal)/contacts/actions.ts fixContactAction": notFound((w) => ({ listId: w.ids.list, contactId: w.ids.contact, phone: "0712345678" })),
  "app/(portal)/contacts/actions.ts removeInvalidAction": notFound((w) => ({ listId: w.ids.list })),
  "app/(portal)/contacts/actions.ts revalidateListAction": notFound((w) => ({ listId: w.ids.list })),
  "app/(portal)/contacts/actions.ts deleteListAction": notFound((w) => ({ listId: w.ids.list })),
  "app/(portal)/inbox/actions.ts replyAction": { expect: "rejected", input: form((w) => ({ phone: w.phone, body: "Hijacked reply" })) },
  "app/(portal)/keywords/actions.ts createKeywordAction": { expect: "rejected", input: form((w) => ({ keyword: "BJOIN", action: "reply", reply: "hi", number: w.shortCode })) },
  "app/(portal)/keywords/actions.ts updateKeywordAction": notFound((w) => ({ id: w.ids.keyword, action: "reply", reply: "taken over" })),
  "app/(portal)/keywords/actions.ts deleteKeywordAction": notFound((w) => ({ id: w.ids.keyword })),
  "app/(portal)/keywords/actions.ts setConfirmationsAction": notFound((w) => ({ id: w.ids.inboundNumber, sendConfirmations: "true" })),
  "app/(portal)/operator/accounts/actions.ts topUpAccountAction": operatorOnly((w) => ({ accountId: w.b.accountId, amount: "100" })),
  "app/(portal)/operator/accounts/actions.ts setRateLimitAction": operatorOnly((w) => ({ accountId: w.a.accountId, rateLimit: "1" })),
  "app/(portal)/operator/dead-letters/actions.ts actOnDeadLettersAction": operatorOnly(() => ({ intent: "discard", confirmDiscard: "yes" })),
  "app/(portal)/operator/numbers/actions.ts assignNumberAction": operatorOnly((w) => ({ accountId: w.b.accountId, number: w.shortCode })),
  "app/(portal)/operator/numbers/actions.ts releaseNumberAction": operatorOnly((w) => ({ id: w.ids.inboundNumber })),
  "app/(portal)/operator/providers/actions.ts setProviderEnabledAction": operatorOnly(() => ({ name: "celcom-sim", enabled: "false" })),
  "app/(portal)/operator/providers/actions.ts setProviderRateAction": operatorOnly(() => ({ name: "celcom-sim", maxPerSecond: "1" })),
  "app/(portal)/operator/routes/actions.ts setRouteAction": operatorOnly(() => ({ country: "KE", providers: "smpp-sim", strategy: "priority" })),
  "app/(portal)/operator/sender-ids/actions.ts decideSenderIdAction": operatorOnly((w) => ({ id: w.ids.senderId, decision: "approved" })),
  "app/(portal)/opt-outs/actions.ts addOptOutAction": own(() => ({ phone: B_OPT_OUT_PHONE })),
  "app/(portal)/opt-outs/actions.ts optBackInAction": { expect: "not-found", input: form((w) => ({ phone: w.phone })) },
  "app/(portal)/send/actions.ts previewMessageAction": { expect: "own", input: (w) => ({ body: { to: B_PHONE, from: w.b.senderId, body: "preview" } }) },
  "app/(portal)/send/actions.ts sendMessageAction": own((w) => ({ to: B_PHONE, from: w.b.senderId, body: "B's portal message" })),
  "app/(portal)/sender-ids/actions.ts requestSenderIdAction": own(() => ({ value: "BPORTAL", purpose: "B's" })),
  "app/(portal)/settings/actions.ts updateSettingsAction": own(() => ({ name: "B settings", defaultCountry: "KE", timezone: "Africa/Nairobi" })),
  "app/(portal)/settings/actions.ts updateTrafficControlsAction": own(() => ({ dailySpendLimit: "", lowBalanceThreshold: "", quietHoursStart: "", quietHoursEnd: "" })),
  "app/(portal)/settings/actions.ts changePasswordAction": own((w) => ({ currentPassword: w.b.password, newPassword: `${w.b.password}-new-B` })),
  "app/(portal)/team/actions.ts inviteMemberAction": own((w) => ({ email: `b-invitee-${w.b.accountId.slice(0, 8)}@invitee.test`, role: "member" })),
  "app/(portal)/team/actions.ts revokeInviteAction": notFound((w) => ({ id: w.ids.invite })),
  "app/(portal)/team/actions.ts changeRoleAction": notFound((w) => ({ id: w.ids.user, role: "member" })),
  "app/(portal)/team/actions.ts removeMemberAction": notFound((w) => ({ id: w.ids.user })),
  "app/(portal)/webhooks/actions.ts createEndpointAction": own(() => ({ url: "http://127.0.0.1:9/b-portal", events: ["*"] })),
  "app/(portal)/webhooks/actions.ts updateEndpointEventsAction": notFound((w) => ({ id: w.ids.endpoint, events: ["message.delivered"] })),
  "app/(portal)/webhooks/actions.ts setEndpointStatusAction": notFound((w) => ({ id: w.ids.endpoint, status: "disabled" })),
  "app/(portal)/webhooks/actions.ts deleteEndpointAction": notFound((w) => ({ id: w.ids.endpoint })),
  "app/(portal)/webhooks/actions.ts rotateEndpointSecretAction": notFound((w) => ({ id: w.ids.endpoint })),
  "app/(portal)/webhooks/actions.ts sendTestEventAction": notFound((w) => ({ id: w.ids.endpoint })),
  "app/(portal)/webhooks/actions.ts rotateCallbackSecretAction": own(),
  "app/(portal)/webhooks/actions.ts replayDeliveryAction": notFound((w) => ({ id: w.ids.delivery })),
  "app/(portal)/webhooks/actions.ts replayFailedAction": own((w) => ({ hours: "24", endpointId: w.ids.endpoint })),
  "components/notifications/actions.ts markAllNotificationsReadAction": own(),
};

/** Every exported method of the portal's route handlers (app/(portal)/**\/route.ts), keyed `METHOD <folder path>`; B's session. */
export const portalRouteCases: Record<string, IsolationCase> = {
  "GET /contacts/[id]/export": { expect: "not-found", input: (w) => ({ params: { id: w.ids.list } }) },
  "POST /contacts/upload": { expect: "own", input: () => ({ file: { field: "file", name: "b.csv", text: "phone\n0712345678\n", fields: { name: "B upload" } } }) },
  "GET /opt-outs/export": { expect: "own" },
  "GET /messages/export": { expect: "own" },
  "GET /billing/export": { expect: "own" },
  "GET /billing/statement": { expect: "own", input: () => ({ query: { month: new Date().toISOString().slice(0, 7) } }) },
  "POST /opt-outs/import": { expect: "own", input: () => ({ file: { field: "file", name: "b.csv", text: "phone\n+254799000222\n" } }) },
};
