// Generated from the OpenAPI document by `npm run openapi:client` (openapi-typescript). Do not edit:
// scripts/lib/generate-client-schema.test.ts fails when this file differs from a fresh generation.

export interface paths {
    "/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List messages
         * @description Newest first; filter by status, time, recipient or campaign; page with `cursor`.
         */
        get: operations["listMessages"];
        put?: never;
        /**
         * Send a message
         * @description Validates, prices and reserves credit, then queues the SMS. `to` may be local (0712…) or E.164. A `promotional` message inside the account's quiet hours is held until they end (`scheduledFor`); 402 when the balance or the daily spend limit does not cover it.
         */
        post: operations["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a batch of messages
         * @description Up to 1000 messages in one request: either `messages` (each with any of `to, from, body, callbackUrl, callbackEvents, customPayload, callbackBatch`, defaulting to the request's own) or one `from`/`body` to an array `to`. Each item is checked and priced like a single send; refused items are listed in `results` and the rest are reserved together (402 for the whole batch when the balance or the daily spend limit does not cover them).
         */
        post: operations["sendMessageBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a message
         * @description The message with its status timeline, delivery reports and webhook deliveries.
         */
        get: operations["getMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview a message
         * @description The same checks and price as a send, without reserving or sending anything.
         */
        post: operations["previewMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List campaigns */
        get: operations["listCampaigns"];
        put?: never;
        /**
         * Create a campaign
         * @description Sends `body` to every valid contact of a ready contact list (`contactListId`), or to numbers given inline (`dests`, up to 10,000, stored as a contact list of their own), now or at `sendAt`. `maxMessages` caps the recipients, `sendRatePerMinute` paces the sends, `class` (default `promotional`) decides whether quiet hours hold them. The estimate is reserved at once; 402 when it exceeds the balance or the daily spend limit.
         */
        post: operations["createCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a campaign */
        get: operations["getCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Cancel a scheduled campaign
         * @description Refunds its reservation; 409 once the scheduler has claimed it.
         */
        patch: operations["cancelCampaign"];
        trace?: never;
    };
    "/v1/campaigns/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a campaign's messages */
        get: operations["listCampaignMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contact-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List contact lists */
        get: operations["listContactLists"];
        put?: never;
        /**
         * Upload a contact list
         * @description JSON `{ name, numbers }`, a `text/csv` body (options in the query), or `multipart/form-data` with a `file` and the same options as fields. Validation runs in the background.
         */
        post: operations["createContactList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contact-lists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a contact list */
        get: operations["getContactList"];
        put?: never;
        post?: never;
        /** Delete a contact list */
        delete: operations["deleteContactList"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contact-lists/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List contacts
         * @description `?status=invalid` filters; `?format=csv` downloads the matching contacts as CSV.
         */
        get: operations["listContacts"];
        put?: never;
        post?: never;
        /** Remove invalid contacts */
        delete: operations["removeInvalidContacts"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contact-lists/{id}/contacts/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Fix a contact's number
         * @description The number is re-validated at once.
         */
        patch: operations["updateContact"];
        trace?: never;
    };
    "/v1/contact-lists/{id}/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-validate a contact list
         * @description Re-validates the invalid contacts (`?scope=all`: every contact).
         */
        post: operations["revalidateContactList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sender-ids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List sender IDs */
        get: operations["listSenderIds"];
        put?: never;
        /**
         * Request a sender ID
         * @description An operator approves or rejects it; only approved sender IDs can send.
         */
        post: operations["requestSenderId"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sender-ids/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a sender ID */
        get: operations["getSenderId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /** Create a webhook endpoint */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint */
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /** Delete a webhook endpoint */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /** Update a webhook endpoint */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an endpoint's deliveries */
        get: operations["listEndpointDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate an endpoint's signing secret
         * @description The previous secret keeps signing alongside the new one for `overlapHours` (default 24). The body is optional.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test event
         * @description Queues a `webhook.test` event to this endpoint only.
         */
        post: operations["sendTestEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deliveries
         * @description Every delivery of the account (endpoints and per-message callbacks), filterable.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a delivery */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay a delivery
         * @description Sends a finished delivery again; 409 while it is still pending.
         */
        post: operations["replayWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/deliveries/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay failed deliveries
         * @description Replays every failed delivery since a time, optionally of one endpoint.
         */
        post: operations["replayFailedDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List inbound messages
         * @description Messages people sent to the account's numbers, newest first; `phone` filters by sender; page with `cursor`. Each also arrives as a `message.inbound` webhook.
         */
        get: operations["listInboundMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List inbound numbers
         * @description The short codes and long numbers (or keywords of a shared short code) assigned to the account by an operator.
         */
        get: operations["listInboundNumbers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound-numbers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update an inbound number
         * @description The account's own setting on a number: whether STOP and START get a confirmation reply (each reply is a billed message).
         */
        patch: operations["updateInboundNumber"];
        trace?: never;
    };
    "/v1/keywords": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List keywords
         * @description The account's keywords, and the standard keywords (STOP, START, HELP…) every account answers.
         */
        get: operations["listKeywords"];
        put?: never;
        /**
         * Create a keyword
         * @description Matched on the first word of messages to the account's numbers (or to one `number`). A standard word keeps its action; only its reply text changes. `reply` is required for the `reply` action.
         */
        post: operations["createKeyword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keywords/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a keyword */
        get: operations["getKeyword"];
        put?: never;
        post?: never;
        /** Delete a keyword */
        delete: operations["deleteKeyword"];
        options?: never;
        head?: never;
        /**
         * Update a keyword
         * @description Changes the fields given; the same rules as creating apply to the result.
         */
        patch: operations["updateKeyword"];
        trace?: never;
    };
    "/v1/opt-outs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List opted-out phones
         * @description Most recent first; `phone` finds one; page with `cursor`. Messages and campaigns skip these phones.
         */
        get: operations["listOptOuts"];
        put?: never;
        /**
         * Opt a phone out
         * @description Recorded as a consent event every time, as evidence of the request. Answers 201 when the phone was opted in until now, 200 when it already was opted out.
         */
        post: operations["optOutPhone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/opt-outs/{phone}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Is a phone opted out
         * @description Answers for any phone; 422 when the path is no phone number.
         */
        get: operations["getOptOutStatus"];
        put?: never;
        post?: never;
        /**
         * Opt a phone back in
         * @description Recorded as a consent event. 404 when the phone is not opted out.
         */
        delete: operations["optInPhone"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/opt-outs/{phone}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A phone's consent history
         * @description Every opt-out and opt-in of the phone for this account, with its evidence, oldest first.
         */
        get: operations["getConsentHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the account
         * @description The account with its traffic controls and today's spend against its daily limit.
         */
        get: operations["getAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the traffic controls
         * @description Sets `dailySpendLimit`, `quietHours` or `lowBalanceThreshold`; omitted fields stay as they are, `null` removes a control. New quiet hours re-plan promotional messages already held.
         */
        patch: operations["updateAccount"];
        trace?: never;
    };
    "/v1/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the balance */
        get: operations["getBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys */
        get: operations["listApiKeys"];
        put?: never;
        /** Create an API key */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate an API key
         * @description Issues a replacement; the old key keeps working for `graceHours` (default 24). The body is optional.
         */
        post: operations["rotateApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events
         * @description Who changed what in the account (keys, webhooks, sender IDs, opt-outs, settings…), newest first; filter by `action` (repeatable) and time; page with `cursor`.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document
         * @description The OpenAPI 3.1 description of the API, generated from the same zod schemas that validate requests. No API key needed.
         */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "message.submitted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.submitted
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_message_submitted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.sent
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_message_sent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.delivered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.delivered
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_message_delivered"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.failed
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_message_failed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.undeliverable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.undeliverable
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_message_undeliverable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.expired
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_message_expired"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.rejected
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_message_rejected"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.inbound
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_message_inbound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "campaign.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * campaign.created
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_campaign_created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "campaign.rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * campaign.rejected
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_campaign_rejected"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "campaign.scheduled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * campaign.scheduled
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_campaign_scheduled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "campaign.queued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * campaign.queued
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_campaign_queued"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "campaign.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * campaign.completed
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_campaign_completed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "campaign.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * campaign.cancelled
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_campaign_cancelled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contact_list.validated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * contact_list.validated
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_contact_list_validated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contact_list.validation_failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * contact_list.validation_failed
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_contact_list_validation_failed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "account.low_balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * account.low_balance
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_account_low_balance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * webhook.test
         * @description POSTed to every active endpoint subscribed to the event (and to a message's or campaign's
         *     `callbackUrl` when its `callbackEvents` select it), signed with the `webhook-id`, `webhook-timestamp`
         *     and `webhook-signature` headers. An endpoint created with `batch: true`, and the `callbackUrl` of a
         *     send with `callbackBatch: true`, receive a JSON array of envelopes instead. Answer 2xx within 4 s; anything else is retried with backoff.
         */
        post: operations["webhook_webhook_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        BatchSendRequest: {
            from?: string;
            body?: string;
            /**
             * @default normal
             * @enum {string}
             */
            priority: "high" | "normal";
            /** Format: uri */
            callbackUrl?: string;
            callbackEvents?: string[];
            customPayload?: unknown;
            callbackBatch?: boolean;
            /** @enum {string} */
            class?: "transactional" | "promotional";
            messages: {
                to?: string;
                from?: string;
                body?: string;
                /** Format: uri */
                callbackUrl?: string;
                callbackEvents?: string[];
                customPayload?: unknown;
                callbackBatch?: boolean;
                /**
                 * @default transactional
                 * @enum {string}
                 */
                class: "transactional" | "promotional";
            }[];
        } | {
            from: string;
            body: string;
            /**
             * @default normal
             * @enum {string}
             */
            priority: "high" | "normal";
            /** Format: uri */
            callbackUrl?: string;
            callbackEvents?: string[];
            customPayload?: unknown;
            callbackBatch?: boolean;
            /** @enum {string} */
            class?: "transactional" | "promotional";
            to: string[];
        };
        MessageSubmittedEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "message.submitted";
            /** Format: uuid */
            accountId: string;
            message: components["schemas"]["WebhookMessage"];
        } & {
            [key: string]: unknown;
        };
        WebhookMessage: {
            /** Format: uuid */
            id: string;
            from: string;
            /** @example +254712345678 */
            to: string;
            body: string;
            /** @example delivered */
            status: string;
            /** @example DeliveredToTerminal */
            statusReason: string | null;
            segments: number;
            /** @description What the message is billed by: one unit per segment */
            units: number;
            /** @enum {string} */
            encoding: "gsm7" | "ucs2";
            /**
             * @description Integer minor units (KES cents)
             * @example 80
             */
            cost: number;
            attempts: number;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the change this event reports happened
             * @example 2026-11-23T10:16:10.123Z
             */
            updatedAt: string;
            /** Format: uuid */
            campaignId?: string;
            /** @description Echoed from the send request when it was given */
            customPayload?: unknown;
        } & {
            [key: string]: unknown;
        };
        MessageSentEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "message.sent";
            /** Format: uuid */
            accountId: string;
            message: components["schemas"]["WebhookMessage"];
        } & {
            [key: string]: unknown;
        };
        MessageDeliveredEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "message.delivered";
            /** Format: uuid */
            accountId: string;
            message: components["schemas"]["WebhookMessage"];
        } & {
            [key: string]: unknown;
        };
        MessageFailedEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "message.failed";
            /** Format: uuid */
            accountId: string;
            message: components["schemas"]["WebhookMessage"];
        } & {
            [key: string]: unknown;
        };
        MessageUndeliverableEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "message.undeliverable";
            /** Format: uuid */
            accountId: string;
            message: components["schemas"]["WebhookMessage"];
        } & {
            [key: string]: unknown;
        };
        MessageExpiredEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "message.expired";
            /** Format: uuid */
            accountId: string;
            message: components["schemas"]["WebhookMessage"];
        } & {
            [key: string]: unknown;
        };
        MessageRejectedEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "message.rejected";
            /** Format: uuid */
            accountId: string;
            message: components["schemas"]["WebhookMessage"];
        } & {
            [key: string]: unknown;
        };
        MessageInboundEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "message.inbound";
            data: components["schemas"]["WebhookInboundMessage"];
        } & {
            [key: string]: unknown;
        };
        WebhookInboundMessage: {
            /**
             * Format: uuid
             * @description The inbound message (GET /v1/inbound-messages)
             */
            id: string;
            /**
             * @description The sender in E.164, or as received when it is not a phone number
             * @example +254712345678
             */
            from: string;
            /**
             * @description The account's number it was sent to
             * @example 22384
             */
            to: string;
            body: string;
            /** @example STOP */
            keyword: string | null;
            /** @description What the keyword did; null when no keyword matched */
            action: ("reply" | "opt_out" | "opt_in" | "help") | null;
            provider: string;
            providerMessageId: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            receivedAt: string;
        } & {
            [key: string]: unknown;
        };
        CampaignCreatedEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "campaign.created";
            /** @description The campaign or contact list the event is about */
            data: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description On a campaign's events
             */
            campaignId?: string;
            /** @description A campaign's customPayload, when it was given */
            customPayload?: unknown;
        } & {
            [key: string]: unknown;
        };
        CampaignRejectedEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "campaign.rejected";
            /** @description The campaign or contact list the event is about */
            data: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description On a campaign's events
             */
            campaignId?: string;
            /** @description A campaign's customPayload, when it was given */
            customPayload?: unknown;
        } & {
            [key: string]: unknown;
        };
        CampaignScheduledEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "campaign.scheduled";
            /** @description The campaign or contact list the event is about */
            data: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description On a campaign's events
             */
            campaignId?: string;
            /** @description A campaign's customPayload, when it was given */
            customPayload?: unknown;
        } & {
            [key: string]: unknown;
        };
        CampaignQueuedEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "campaign.queued";
            /** @description The campaign or contact list the event is about */
            data: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description On a campaign's events
             */
            campaignId?: string;
            /** @description A campaign's customPayload, when it was given */
            customPayload?: unknown;
        } & {
            [key: string]: unknown;
        };
        CampaignCompletedEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "campaign.completed";
            /** @description The campaign or contact list the event is about */
            data: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description On a campaign's events
             */
            campaignId?: string;
            /** @description A campaign's customPayload, when it was given */
            customPayload?: unknown;
        } & {
            [key: string]: unknown;
        };
        CampaignCancelledEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "campaign.cancelled";
            /** @description The campaign or contact list the event is about */
            data: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description On a campaign's events
             */
            campaignId?: string;
            /** @description A campaign's customPayload, when it was given */
            customPayload?: unknown;
        } & {
            [key: string]: unknown;
        };
        ContactListValidatedEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "contact_list.validated";
            /** @description The campaign or contact list the event is about */
            data: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description On a campaign's events
             */
            campaignId?: string;
            /** @description A campaign's customPayload, when it was given */
            customPayload?: unknown;
        } & {
            [key: string]: unknown;
        };
        ContactListValidationFailedEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "contact_list.validation_failed";
            /** @description The campaign or contact list the event is about */
            data: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description On a campaign's events
             */
            campaignId?: string;
            /** @description A campaign's customPayload, when it was given */
            customPayload?: unknown;
        } & {
            [key: string]: unknown;
        };
        AccountLowBalanceEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "account.low_balance";
            /** @description The balance that fell below the account's lowBalanceThreshold, and the threshold */
            data: {
                /**
                 * @description Integer minor units (KES cents)
                 * @example 80
                 */
                balance: number;
                /**
                 * @description Integer minor units (KES cents)
                 * @example 80
                 */
                threshold: number;
            } & {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description On a campaign's events
             */
            campaignId?: string;
            /** @description A campaign's customPayload, when it was given */
            customPayload?: unknown;
        } & {
            [key: string]: unknown;
        };
        WebhookTestEvent: {
            /**
             * Format: uuid
             * @description Unique per event and identical on every retry: deduplicate on it
             */
            eventId: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            timestamp: string;
            /**
             * Format: uuid
             * @description The webhook endpoint this delivery goes to; absent on a message's or campaign's own callbackUrl
             */
            endpointId?: string;
            /** @constant */
            eventType: "webhook.test";
            /** @description The campaign or contact list the event is about */
            data: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description On a campaign's events
             */
            campaignId?: string;
            /** @description A campaign's customPayload, when it was given */
            customPayload?: unknown;
        } & {
            [key: string]: unknown;
        };
        AcceptedMessage: {
            /** Format: uuid */
            messageId: string;
            status: components["schemas"]["MessageStatus"];
            class: components["schemas"]["MessageClass"];
            /**
             * @description The recipient in E.164
             * @example +254712345678
             */
            to: string;
            segments: number;
            /** @enum {string} */
            encoding: "gsm7" | "ucs2";
            /**
             * @description Integer minor units (KES cents)
             * @example 80
             */
            cost: number;
        };
        /** @enum {string} */
        MessageStatus: "submitted" | "queued" | "sent" | "delivered" | "failed" | "expired" | "undeliverable" | "rejected";
        /**
         * @description `promotional` messages wait out the account's quiet hours; `transactional` ones never do
         * @enum {string}
         */
        MessageClass: "transactional" | "promotional";
        Error: {
            error: {
                /**
                 * @description Stable machine-readable code; each belongs to one HTTP status (see the response descriptions)
                 * @enum {string}
                 */
                code: "invalid_json" | "bad_request" | "unauthorized" | "insufficient_credits" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "idempotency_conflict" | "idempotency_in_progress" | "invalid_state" | "payload_too_large" | "unsupported_media_type" | "validation_failed" | "invalid_phone_number" | "unsupported_network" | "content_rejected" | "sender_id_not_approved" | "contact_list_not_ready" | "destination_not_allowed" | "daily_spend_limit_exceeded" | "opted_out" | "rate_limited" | "internal_error" | "service_unavailable";
                /** @description Human-readable; may change */
                message: string;
                details?: components["schemas"]["ErrorDetail"][];
            };
        };
        ErrorDetail: {
            /**
             * @description Dotted path into the body or query, or a header name; `(root)` for the whole body
             * @example to
             */
            field: string;
            message: string;
            /** @description Machine-readable reason (a validation issue code, a rejection reason, a content rule) */
            code?: string;
        };
        MessagePage: {
            data: components["schemas"]["Message"][];
            nextCursor: string | null;
        };
        Message: {
            /** Format: uuid */
            id: string;
            campaignId: string | null;
            to: string;
            from: string;
            body: string;
            status: components["schemas"]["MessageStatus"];
            /** @enum {string} */
            priority: "high" | "normal";
            class: components["schemas"]["MessageClass"];
            /** @description Not sent before this instant (quiet hours or campaign pacing); null when it may go at once */
            scheduledFor: string | null;
            /** @enum {string} */
            encoding: "gsm7" | "ucs2";
            segments: number;
            country: string | null;
            operator: string | null;
            /**
             * @description Integer minor units (KES cents)
             * @example 80
             */
            cost: number;
            /** @enum {string} */
            chargeState: "reserved" | "captured" | "released";
            provider: string | null;
            providerMessageId: string | null;
            attempts: number;
            callbackUrl: string | null;
            callbackEvents: string[];
            /** @description Any JSON value */
            customPayload: unknown;
            /** @description The inbound message this is the automatic reply to; null for messages sent by the account */
            inReplyToId: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
            queuedAt: string | null;
            sentAt: string | null;
            completedAt: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            updatedAt: string;
            reason: string | null;
        };
        BatchSendResult: {
            accepted: number;
            refused: number;
            /** @description Minor units reserved for the accepted messages */
            cost: number;
            /** @description One per message, in the request's order */
            results: ({
                index: number;
                /** @constant */
                status: "submitted";
                /** Format: uuid */
                messageId: string;
                to: string;
                segments: number;
                /** @enum {string} */
                encoding: "gsm7" | "ucs2";
                cost: number;
                /** @enum {string} */
                class: "transactional" | "promotional";
                /** @description When a promotional message held by quiet hours will be sent (ISO 8601) */
                scheduledFor?: string;
            } | {
                index: number;
                /** @constant */
                status: "refused";
                to: string | null;
                error: {
                    code: string;
                    message: string;
                };
            })[];
        };
        MessageDetail: {
            /** Format: uuid */
            id: string;
            campaignId: string | null;
            to: string;
            from: string;
            body: string;
            status: components["schemas"]["MessageStatus"];
            /** @enum {string} */
            priority: "high" | "normal";
            class: components["schemas"]["MessageClass"];
            /** @description Not sent before this instant (quiet hours or campaign pacing); null when it may go at once */
            scheduledFor: string | null;
            /** @enum {string} */
            encoding: "gsm7" | "ucs2";
            segments: number;
            country: string | null;
            operator: string | null;
            /**
             * @description Integer minor units (KES cents)
             * @example 80
             */
            cost: number;
            /** @enum {string} */
            chargeState: "reserved" | "captured" | "released";
            provider: string | null;
            providerMessageId: string | null;
            attempts: number;
            callbackUrl: string | null;
            callbackEvents: string[];
            /** @description Any JSON value */
            customPayload: unknown;
            /** @description The inbound message this is the automatic reply to; null for messages sent by the account */
            inReplyToId: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
            queuedAt: string | null;
            sentAt: string | null;
            completedAt: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            updatedAt: string;
            reason: string | null;
            /** @description Every status the message went through, oldest first */
            events: {
                status: components["schemas"]["MessageStatus"];
                reason: string | null;
                source: string;
                /** @description Any JSON value */
                data: unknown;
                /**
                 * Format: date-time
                 * @example 2026-11-23T10:16:10.123Z
                 */
                at: string;
            }[];
            /** @description Every submission to a provider, oldest first (a failover adds one per provider tried) */
            sendAttempts: {
                /** @description The send attempt (the message's `attempts` count) this submission belongs to */
                attempt: number;
                /** @example celcom */
                provider: string;
                /**
                 * @description `sent`: accepted by the provider; `rejected`: the provider refused the message itself; `provider_failure`: the provider failed (the router may fail over)
                 * @enum {string}
                 */
                outcome: "sent" | "rejected" | "provider_failure";
                /** @description Why it was not sent; null when sent */
                code: string | null;
                latencyMs: number | null;
                /**
                 * Format: date-time
                 * @example 2026-11-23T10:16:10.123Z
                 */
                at: string;
            }[];
            /** @description Delivery reports received from the provider */
            deliveryReports: {
                [key: string]: unknown;
            }[];
            /** @description Webhook and callback deliveries of this message's events */
            webhookDeliveries: {
                [key: string]: unknown;
            }[];
        };
        MessagePreview: {
            to: string | null;
            country: string | null;
            operator: string | null;
            /** @enum {string} */
            encoding: "gsm7" | "ucs2";
            segments: number;
            length: number;
            charactersLeft: number;
            perSegment: number;
            ratePerSegment: number | null;
            cost: number | null;
            currency: string;
            sufficientCredits: boolean;
            /** @description What would make a send fail */
            issues: ({
                field: string;
                message: string;
            } & {
                [key: string]: unknown;
            })[];
        };
        CampaignList: {
            data: components["schemas"]["Campaign"][];
        };
        Campaign: {
            /** Format: uuid */
            id: string;
            name: string;
            from: string;
            body: string;
            /** @enum {string} */
            status: "pending_content_check" | "rejected" | "scheduled" | "queued" | "completed" | "cancelled";
            statusReason: string | null;
            sendAt: string | null;
            /** @enum {string} */
            priority: "high" | "normal";
            class: components["schemas"]["MessageClass"];
            /** @description At most this many eligible recipients, in list order; null = all */
            maxMessages: number | null;
            /** @description Sends spread at this many messages per minute; null = as fast as the queue goes */
            sendRatePerMinute: number | null;
            contactListId: string | null;
            callbackUrl: string | null;
            callbackEvents: string[];
            /**
             * @description Integer minor units (KES cents)
             * @example 80
             */
            reservedAmount: number;
            /**
             * @description Integer minor units (KES cents)
             * @example 80
             */
            estimatedCost: number;
            recipientCount: number;
            messageCount: number;
            /** @description Recipients skipped because they opted out (counted when the campaign is created, settled when it is queued) */
            optedOutCount: number;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
            queuedAt: string | null;
            completedAt: string | null;
            cancelledAt: string | null;
            contactList: ({
                /** Format: uuid */
                id: string;
                name: string;
            } & {
                [key: string]: unknown;
            }) | null;
        };
        CreatedCampaign: {
            /** Format: uuid */
            campaignId: string;
            /**
             * @description The content check runs next; a webhook tells its outcome
             * @constant
             */
            status: "pending_content_check";
            /**
             * @description Reserved from the balance now (minor units)
             * @example 80
             */
            estimatedCost: number;
            recipients: number;
            /** @description Recipients of the list who opted out: no message goes to them */
            optedOut: number;
            segments: number;
            /**
             * Format: uuid
             * @description With inline `dests`: the contact list made of them
             */
            contactListId?: string;
        };
        CampaignDetail: {
            /** Format: uuid */
            id: string;
            name: string;
            from: string;
            body: string;
            /** @enum {string} */
            status: "pending_content_check" | "rejected" | "scheduled" | "queued" | "completed" | "cancelled";
            statusReason: string | null;
            sendAt: string | null;
            /** @enum {string} */
            priority: "high" | "normal";
            class: components["schemas"]["MessageClass"];
            /** @description At most this many eligible recipients, in list order; null = all */
            maxMessages: number | null;
            /** @description Sends spread at this many messages per minute; null = as fast as the queue goes */
            sendRatePerMinute: number | null;
            contactListId: string | null;
            callbackUrl: string | null;
            callbackEvents: string[];
            /**
             * @description Integer minor units (KES cents)
             * @example 80
             */
            reservedAmount: number;
            /**
             * @description Integer minor units (KES cents)
             * @example 80
             */
            estimatedCost: number;
            recipientCount: number;
            messageCount: number;
            /** @description Recipients skipped because they opted out (counted when the campaign is created, settled when it is queued) */
            optedOutCount: number;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
            queuedAt: string | null;
            completedAt: string | null;
            cancelledAt: string | null;
            contactList: ({
                /** Format: uuid */
                id: string;
                name: string;
            } & {
                [key: string]: unknown;
            }) | null;
            /** @description Message counts by status and the money they moved */
            progress: {
                submitted: number;
                queued: number;
                sent: number;
                delivered: number;
                failed: number;
                expired: number;
                undeliverable: number;
                rejected: number;
                finished: number;
                ratio: number;
                /**
                 * @description Integer minor units (KES cents)
                 * @example 80
                 */
                spent: number;
                /**
                 * @description Integer minor units (KES cents)
                 * @example 80
                 */
                reserved: number;
                /**
                 * @description Integer minor units (KES cents)
                 * @example 80
                 */
                refunded: number;
            };
        };
        CancelledCampaign: {
            /** Format: uuid */
            campaignId: string;
            /** @constant */
            status: "cancelled";
            /**
             * @description Integer minor units (KES cents)
             * @example 80
             */
            refunded: number;
        };
        CampaignMessagePage: {
            data: ({
                /** Format: uuid */
                id: string;
                to: string;
                status: components["schemas"]["MessageStatus"];
            } & {
                [key: string]: unknown;
            })[];
            nextCursor: string | null;
        };
        ContactListList: {
            data: components["schemas"]["ContactList"][];
        };
        ContactList: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            status: "uploading" | "validating" | "ready" | "failed";
            /** @example csv */
            source: string;
            phoneColumn: string | null;
            /** @description Column names available as {{placeholders}} */
            fields: string[];
            totalCount: number;
            validCount: number;
            invalidCount: number;
            duplicateCount: number;
            pendingCount: number;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
            validatedAt: string | null;
            progress: number;
        };
        AcceptedContactList: {
            /** Format: uuid */
            contactListId: string;
            jobId: string;
            /** @enum {string} */
            status: "uploading" | "validating" | "ready" | "failed";
            totalCount?: number;
        };
        ContactListDetail: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            status: "uploading" | "validating" | "ready" | "failed";
            /** @example csv */
            source: string;
            phoneColumn: string | null;
            /** @description Column names available as {{placeholders}} */
            fields: string[];
            totalCount: number;
            validCount: number;
            invalidCount: number;
            duplicateCount: number;
            pendingCount: number;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
            validatedAt: string | null;
            progress: number;
            /** @description The latest validation run, if any */
            validationRun: {
                [key: string]: unknown;
            } | null;
        };
        ContactPage: {
            data: components["schemas"]["Contact"][];
            nextCursor: string | null;
        };
        Contact: {
            /** @description Contact id (a decimal string) */
            id: string;
            rowNumber: number;
            rawPhone: string;
            phone: string | null;
            country: string | null;
            operator: string | null;
            /** @enum {string} */
            status: "pending_validation" | "valid" | "invalid";
            reason: string | null;
            reasonMessage: string | null;
            isDuplicate: boolean;
            fields: {
                [key: string]: unknown;
            };
        };
        RemovedContacts: {
            removed: number;
            counts: components["schemas"]["ContactCounts"];
        };
        ContactCounts: {
            total: number;
            valid: number;
            invalid: number;
            duplicates: number;
            pending: number;
        };
        UpdatedContact: {
            contact: components["schemas"]["Contact"];
            counts: components["schemas"]["ContactCounts"];
        };
        SenderIdList: {
            data: components["schemas"]["SenderId"][];
        };
        SenderId: {
            /** Format: uuid */
            id: string;
            /** @example ACME */
            value: string;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected";
            purpose: string | null;
            /** @description Why it was rejected (or a note on approval) */
            reason: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
            decidedAt: string | null;
        };
        WebhookEndpointList: {
            data: components["schemas"]["WebhookEndpoint"][];
        };
        WebhookEndpoint: {
            /** Format: uuid */
            id: string;
            url: string;
            description: string | null;
            events: string[];
            batch: boolean;
            /** @enum {string} */
            status: "active" | "disabled";
            disabledReason: string | null;
            /** @description Until when the previous secret still signs, after a rotation */
            previousSecretExpiresAt: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            updatedAt: string;
        };
        WebhookEndpointWithSecret: {
            /** Format: uuid */
            id: string;
            url: string;
            description: string | null;
            events: string[];
            batch: boolean;
            /** @enum {string} */
            status: "active" | "disabled";
            disabledReason: string | null;
            /** @description Until when the previous secret still signs, after a rotation */
            previousSecretExpiresAt: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            updatedAt: string;
            /**
             * @description Signing secret (`whsec_…`); shown only in this response
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
        };
        WebhookDeliveryPage: {
            data: components["schemas"]["WebhookDelivery"][];
            nextCursor: string | null;
        };
        WebhookDelivery: {
            /** Format: uuid */
            id: string;
            /** @description Null for a per-message or per-campaign callback */
            endpointId: string | null;
            url: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            attempts: number;
            nextAttemptAt: string | null;
            lastStatusCode: number | null;
            lastError: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
            completedAt: string | null;
            event: {
                /** Format: uuid */
                id: string;
                type: string;
                messageId: string | null;
                campaignId: string | null;
            };
        };
        TestEventSent: {
            /** Format: uuid */
            eventId: string;
        };
        WebhookDeliveryDetail: {
            /** Format: uuid */
            id: string;
            /** @description Null for a per-message or per-campaign callback */
            endpointId: string | null;
            url: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            attempts: number;
            nextAttemptAt: string | null;
            lastStatusCode: number | null;
            lastError: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
            completedAt: string | null;
            event: {
                /** Format: uuid */
                id: string;
                type: string;
                messageId: string | null;
                campaignId: string | null;
                /** @description The envelope as delivered */
                payload: unknown;
            };
            /** @description Every attempt, oldest first */
            attemptsLog: {
                [key: string]: unknown;
            }[];
        };
        Replayed: {
            replayed: number;
        };
        InboundMessagePage: {
            data: components["schemas"]["InboundMessage"][];
            nextCursor: string | null;
        };
        InboundMessage: {
            /** Format: uuid */
            id: string;
            /**
             * @description The sender in E.164, or as received when it is not a phone number
             * @example +254712345678
             */
            from: string;
            /**
             * @description The account's number it was sent to
             * @example 22384
             */
            to: string;
            body: string;
            /**
             * @description The keyword that matched (upper case)
             * @example STOP
             */
            keyword: string | null;
            /** @description What the keyword did; null when no keyword matched */
            action: ("reply" | "opt_out" | "opt_in" | "help") | null;
            /** @description Why the automatic reply could not be sent (e.g. insufficient credits) */
            replyError: string | null;
            provider: string;
            providerMessageId: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            receivedAt: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
            /** @description When it was read in the portal's inbox */
            readAt: string | null;
        };
        InboundNumberList: {
            data: components["schemas"]["InboundNumber"][];
        };
        InboundNumber: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            accountId: string;
            /**
             * @description A short code in digits or a long number in E.164
             * @example 22384
             */
            number: string;
            /** @description On a shared short code, the first word that routes messages to this account; null: every message to the number */
            keyword: string | null;
            /** @enum {string} */
            kind: "short_code" | "long_number";
            /** @description Replies cost the subscriber nothing */
            zeroRated: boolean;
            /** @description Whether STOP and START get a confirmation reply */
            sendConfirmations: boolean;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
        };
        KeywordList: {
            /** @description The account's keywords, alphabetical */
            data: components["schemas"]["Keyword"][];
            /** @description The standard keywords every account answers */
            standard: {
                /** @example STOP */
                keyword: string;
                /** @enum {string} */
                action: "opt_out" | "opt_in" | "help";
                /** @description The account has its own keyword for this word (its text replaces the standard one) */
                overridden: boolean;
            }[];
        };
        Keyword: {
            /** Format: uuid */
            id: string;
            /**
             * @description Upper case; matched case-insensitively on the first word of an inbound message
             * @example PROMO
             */
            keyword: string;
            /**
             * @description `reply`: answer with `reply`; `opt_out` / `opt_in`: record consent (and confirm with `reply`, or the standard text)
             * @enum {string}
             */
            action: "reply" | "opt_out" | "opt_in";
            reply: string | null;
            /**
             * @description The inbound number it applies to; null for every number of the account
             * @example 22384
             */
            number: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            updatedAt: string;
        };
        OptOutPage: {
            data: components["schemas"]["OptOut"][];
            nextCursor: string | null;
        };
        OptOut: {
            /**
             * @description E.164
             * @example +254712345678
             */
            phone: string;
            /**
             * @description How the opt-out arrived: `inbound_keyword`, `api`, `portal` or `import`
             * @example inbound_keyword
             */
            source: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            optedOutAt: string;
        };
        OptOutStatus: {
            /**
             * @description E.164
             * @example +254712345678
             */
            phone: string;
            optedOut: boolean;
            optedOutAt: string | null;
            source: string | null;
        };
        OptedIn: {
            /**
             * @description E.164
             * @example +254712345678
             */
            phone: string;
            /** @constant */
            optedOut: false;
        };
        ConsentHistory: {
            /**
             * @description E.164
             * @example +254712345678
             */
            phone: string;
            optedOut: boolean;
            optedOutAt: string | null;
            /** @description Every opt-out and opt-in of the phone, oldest first (at most 1,000) */
            events: {
                /**
                 * @description Sequence number of the event
                 * @example 42
                 */
                id: string;
                /** @enum {string} */
                action: "opt_out" | "opt_in";
                /** @enum {string} */
                source: "inbound_keyword" | "api" | "portal" | "import";
                /** @description The inbound message that carried the keyword (source `inbound_keyword`) */
                inboundMessageId: string | null;
                /** @description The API key that made the change (source `api`) */
                apiKeyId: string | null;
                /** @description The portal user who made the change (source `portal` or `import`) */
                userId: string | null;
                /**
                 * Format: date-time
                 * @example 2026-11-23T10:16:10.123Z
                 */
                at: string;
            }[];
        };
        Account: {
            /** Format: uuid */
            id: string;
            name: string;
            /**
             * @description ISO 3166-1 alpha-2 country of numbers given without a country code
             * @example KE
             */
            defaultCountry: string;
            /** @example Africa/Nairobi */
            timezone: string;
            /** @example active */
            status: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
            pricingTier: {
                name: string;
                currency: string;
            } | null;
            /** @description Most the account may reserve per calendar day in its time zone (minor units); null = no limit */
            dailySpendLimit: number | null;
            /**
             * @description Reserved so far today, the calendar day in the account's time zone (minor units)
             * @example 80
             */
            spentToday: number;
            /** @description dailySpendLimit − spentToday, never below 0; null when there is no limit */
            remainingToday: number | null;
            /** @description Promotional messages are held inside this window (HH:MM, account time zone; may cross midnight); null = none */
            quietHours: {
                /** @example 21:00 */
                start: string;
                /** @example 07:00 */
                end: string;
            } | null;
            /** @description When the balance falls below it, one portal notification and one `account.low_balance` event (minor units); null = off */
            lowBalanceThreshold: number | null;
        };
        Balance: {
            /** @example KES */
            currency: string;
            /**
             * @description Available to spend (minor units)
             * @example 80
             */
            balance: number;
            /**
             * @description Held for messages not yet final (minor units)
             * @example 80
             */
            reserved: number;
            /**
             * @description Integer minor units (KES cents)
             * @example 80
             */
            spent: number;
            /**
             * @description Every top-up ever: toppedUp = balance + reserved + spent
             * @example 80
             */
            toppedUp: number;
        };
        ApiKeyList: {
            data: components["schemas"]["ApiKey"][];
        };
        ApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            /**
             * @description The first characters of the key, to recognise it
             * @example sl_live_5VqxOk
             */
            prefix: string;
            lastUsedAt: string | null;
            expiresAt: string | null;
            revokedAt: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
        };
        IssuedApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            prefix: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
            /** @description The secret key; shown only in this response */
            key: string;
            /**
             * Format: uuid
             * @description The rotated key, which keeps working for the grace period
             */
            replaces?: string;
        };
        AuditEventPage: {
            data: components["schemas"]["AuditEvent"][];
            nextCursor: string | null;
        };
        AuditEvent: {
            /**
             * @description Sequence number of the event
             * @example 1042
             */
            id: string;
            /** @enum {string} */
            action: "auth.sign_in" | "auth.sign_in_failed" | "auth.sign_out" | "api_key.create" | "api_key.rotate" | "api_key.revoke" | "webhook.create" | "webhook.update" | "webhook.delete" | "webhook.rotate_secret" | "callback_secret.rotate" | "sender_id.request" | "sender_id.approve" | "sender_id.reject" | "credits.top_up" | "account.update_settings" | "opt_out.create" | "opt_out.delete" | "provider.update" | "route.update" | "dead_letter.replay" | "dead_letter.discard" | "dead_letter.expire" | "team.invite" | "team.revoke_invite" | "team.join" | "team.change_role" | "team.remove";
            actor: {
                /** @enum {string} */
                type: "user" | "api_key" | "operator" | "system";
                /** @description The user's or API key's id */
                id: string | null;
                /** @description The user's email or the API key's name, as it was then */
                label: string | null;
            };
            target: {
                /** @example api_key */
                type: string | null;
                id: string | null;
            };
            accountId: string | null;
            /** @description The state before the change (secrets redacted); null when none */
            before: unknown;
            /** @description The state after the change (secrets redacted); null when none */
            after: unknown;
            ip: string | null;
            userAgent: string | null;
            requestId: string | null;
            /**
             * Format: date-time
             * @example 2026-11-23T10:16:10.123Z
             */
            createdAt: string;
        };
    };
    responses: {
        /** @description Bad request. Codes: `invalid_json`, `bad_request`. */
        Error400: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Missing or invalid API key. Codes: `unauthorized`. */
        Error401: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not enough credit. Codes: `insufficient_credits`, `daily_spend_limit_exceeded`. */
        Error402: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Conflict with the current state. Codes: `conflict`, `idempotency_conflict`, `idempotency_in_progress`, `invalid_state`. */
        Error409: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Body too large. Codes: `payload_too_large`. */
        Error413: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unsupported content type. Codes: `unsupported_media_type`. */
        Error415: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The input was understood but refused. Codes: `validation_failed`, `invalid_phone_number`, `unsupported_network`, `content_rejected`, `sender_id_not_approved`, `contact_list_not_ready`, `destination_not_allowed`, `opted_out`. */
        Error422: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many requests. Codes: `rate_limited`. */
        Error429: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Internal error. Codes: `internal_error`. */
        Error500: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not found. Codes: `not_found`. */
        Error404: {
            headers: {
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Requests allowed per window for this API key */
        "RateLimit-Limit": number;
        /** @description Requests left in the current window */
        "RateLimit-Remaining": number;
        /** @description Seconds until the window resets */
        "RateLimit-Reset": number;
        /** @description Seconds to wait before retrying */
        "Retry-After": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listMessages: {
        parameters: {
            query?: {
                status?: ("submitted" | "queued" | "sent" | "delivered" | "failed" | "expired" | "undeliverable" | "rejected") | ("submitted" | "queued" | "sent" | "delivered" | "failed" | "expired" | "undeliverable" | "rejected")[];
                since?: string;
                until?: string;
                recipient?: string;
                campaignId?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of messages */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            401: components["responses"]["Error401"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    sendMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body within 24 h answers the first response again instead of sending twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    to: string;
                    from: string;
                    body: string;
                    /**
                     * @default normal
                     * @enum {string}
                     */
                    priority?: "high" | "normal";
                    /**
                     * @default transactional
                     * @enum {string}
                     */
                    class?: "transactional" | "promotional";
                    /** Format: uri */
                    callbackUrl?: string;
                    callbackEvents?: string[];
                    customPayload?: unknown;
                    callbackBatch?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted and durable; status changes arrive by webhook */
            202: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedMessage"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            402: components["responses"]["Error402"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    sendMessageBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body within 24 h answers the first response again instead of sending twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchSendRequest"];
            };
        };
        responses: {
            /** @description Per-item results in the request's order; accepted items are durable */
            202: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchSendResult"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            402: components["responses"]["Error402"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    getMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageDetail"];
                };
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    previewMessage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    to?: string;
                    /** @default  */
                    from?: string;
                    /** @default  */
                    body?: string;
                };
            };
        };
        responses: {
            /** @description Encoding, segments, price and what would stop a send */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePreview"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    listCampaigns: {
        parameters: {
            query?: {
                status?: "pending_content_check" | "rejected" | "scheduled" | "queued" | "completed" | "cancelled";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Campaigns, newest first */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignList"];
                };
            };
            401: components["responses"]["Error401"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    createCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    from: string;
                    body: string;
                    /** Format: uuid */
                    contactListId: string;
                    sendAt?: string;
                    /**
                     * @default normal
                     * @enum {string}
                     */
                    priority?: "normal" | "high";
                    /** @enum {string} */
                    class?: "transactional" | "promotional";
                    maxMessages?: number;
                    sendRatePerMinute?: number;
                    /** Format: uri */
                    callbackUrl?: string;
                    callbackEvents?: ("*" | "not_delivered" | "pending" | "submitted" | "sent" | "delivered" | "failed" | "expired" | "undeliverable" | "rejected" | "message.submitted" | "message.sent" | "message.delivered" | "message.failed" | "message.undeliverable" | "message.expired" | "message.rejected" | "campaign.created" | "campaign.rejected" | "campaign.scheduled" | "campaign.queued" | "campaign.completed" | "campaign.cancelled")[];
                    customPayload?: {
                        [key: string]: unknown;
                    };
                } | {
                    name: string;
                    from: string;
                    body: string;
                    sendAt?: string;
                    /**
                     * @default normal
                     * @enum {string}
                     */
                    priority?: "normal" | "high";
                    /** @enum {string} */
                    class?: "transactional" | "promotional";
                    maxMessages?: number;
                    sendRatePerMinute?: number;
                    /** Format: uri */
                    callbackUrl?: string;
                    callbackEvents?: ("*" | "not_delivered" | "pending" | "submitted" | "sent" | "delivered" | "failed" | "expired" | "undeliverable" | "rejected" | "message.submitted" | "message.sent" | "message.delivered" | "message.failed" | "message.undeliverable" | "message.expired" | "message.rejected" | "campaign.created" | "campaign.rejected" | "campaign.scheduled" | "campaign.queued" | "campaign.completed" | "campaign.cancelled")[];
                    customPayload?: {
                        [key: string]: unknown;
                    };
                    dests: string[];
                };
            };
        };
        responses: {
            /** @description Accepted; the content check runs next */
            202: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedCampaign"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            402: components["responses"]["Error402"];
            404: components["responses"]["Error404"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    getCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The campaign and its progress */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDetail"];
                };
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    cancelCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CancelledCampaign"];
                };
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    listCampaignMessages: {
        parameters: {
            query?: {
                status?: "submitted" | "queued" | "sent" | "delivered" | "failed" | "expired" | "undeliverable" | "rejected";
                to?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the campaign's messages */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignMessagePage"];
                };
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    listContactLists: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Contact lists, newest first */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactListList"];
                };
            };
            401: components["responses"]["Error401"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    createContactList: {
        parameters: {
            query?: {
                name?: string;
                phoneColumn?: string;
                header?: "true" | "false" | "auto";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    numbers: string[];
                };
                "text/csv": string;
                "multipart/form-data": {
                    name?: string;
                    phoneColumn?: string;
                    /**
                     * @default auto
                     * @enum {string}
                     */
                    header?: "true" | "false" | "auto";
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Stored; validation has started */
            202: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedContactList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    getContactList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list and its counts */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactListDetail"];
                };
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    deleteContactList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    listContacts: {
        parameters: {
            query?: {
                status?: "pending_validation" | "valid" | "invalid" | "duplicate";
                reason?: "empty" | "invalid_format" | "invalid_country" | "not_mobile" | "unsupported_network";
                format?: "json" | "csv";
                limit?: number;
                cursor?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of contacts, or the CSV download */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactPage"];
                    "text/csv": string;
                };
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    removeInvalidContacts: {
        parameters: {
            query: {
                status: "invalid";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many were removed and the counts left */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemovedContacts"];
                };
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    updateContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                contactId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    phone: string;
                };
            };
        };
        responses: {
            /** @description The contact and the list's counts */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdatedContact"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    revalidateContactList: {
        parameters: {
            query?: {
                scope?: "invalid" | "all";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Validation has started */
            202: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedContactList"];
                };
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    listSenderIds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every sender ID of the account */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SenderIdList"];
                };
            };
            401: components["responses"]["Error401"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    requestSenderId: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    value: string;
                    purpose?: string;
                };
            };
        };
        responses: {
            /** @description The pending request */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SenderId"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    getSenderId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sender ID */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SenderId"];
                };
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every endpoint of the account */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            401: components["responses"]["Error401"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    url: string;
                    events: ("*" | "message.*" | "campaign.*" | "contact_list.*" | "message.submitted" | "message.sent" | "message.delivered" | "message.failed" | "message.undeliverable" | "message.expired" | "message.rejected" | "message.inbound" | "campaign.created" | "campaign.rejected" | "campaign.scheduled" | "campaign.queued" | "campaign.completed" | "campaign.cancelled" | "contact_list.validated" | "contact_list.validation_failed" | "account.low_balance")[];
                    description?: string;
                    batch?: boolean;
                };
            };
        };
        responses: {
            /** @description The endpoint and its signing secret (shown only here) */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    url?: string;
                    events?: ("*" | "message.*" | "campaign.*" | "contact_list.*" | "message.submitted" | "message.sent" | "message.delivered" | "message.failed" | "message.undeliverable" | "message.expired" | "message.rejected" | "message.inbound" | "campaign.created" | "campaign.rejected" | "campaign.scheduled" | "campaign.queued" | "campaign.completed" | "campaign.cancelled" | "contact_list.validated" | "contact_list.validation_failed" | "account.low_balance")[];
                    description?: string | null;
                    batch?: boolean;
                    /** @enum {string} */
                    status?: "active" | "disabled";
                };
            };
        };
        responses: {
            /** @description The updated endpoint */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    listEndpointDeliveries: {
        parameters: {
            query?: {
                status?: "pending" | "succeeded" | "failed";
                messageId?: string;
                eventType?: string;
                since?: string;
                before?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries, newest first */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default 24 */
                    overlapHours?: number;
                };
            };
        };
        responses: {
            /** @description The endpoint and its new secret (shown only here) */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    sendTestEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestEventSent"];
                };
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                status?: "pending" | "succeeded" | "failed";
                endpointId?: string;
                messageId?: string;
                eventType?: string;
                since?: string;
                before?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries, newest first */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            401: components["responses"]["Error401"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery with its payload and every attempt */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryDetail"];
                };
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    replayWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued again */
            202: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Replayed"];
                };
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    replayFailedDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    since: string;
                    /** Format: uuid */
                    endpointId?: string;
                };
            };
        };
        responses: {
            /** @description How many were queued again */
            202: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Replayed"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    listInboundMessages: {
        parameters: {
            query?: {
                phone?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of inbound messages */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundMessagePage"];
                };
            };
            401: components["responses"]["Error401"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    listInboundNumbers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account's numbers */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundNumberList"];
                };
            };
            401: components["responses"]["Error401"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    updateInboundNumber: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sendConfirmations: boolean;
                };
            };
        };
        responses: {
            /** @description The number */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundNumber"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    listKeywords: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keywords */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeywordList"];
                };
            };
            401: components["responses"]["Error401"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    createKeyword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    keyword: string;
                    /** @enum {string} */
                    action: "reply" | "opt_out" | "opt_in";
                    reply?: string | null;
                    number?: string | null;
                };
            };
        };
        responses: {
            /** @description The keyword */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Keyword"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    getKeyword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keyword */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Keyword"];
                };
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    deleteKeyword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    updateKeyword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    keyword?: string;
                    /** @enum {string} */
                    action?: "reply" | "opt_out" | "opt_in";
                    reply?: string | null;
                    number?: string | null;
                };
            };
        };
        responses: {
            /** @description The keyword */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Keyword"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    listOptOuts: {
        parameters: {
            query?: {
                phone?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of opt-outs */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OptOutPage"];
                };
            };
            401: components["responses"]["Error401"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    optOutPhone: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    phone: string;
                };
            };
        };
        responses: {
            /** @description It already was opted out (the request is recorded again) */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OptOut"];
                };
            };
            /** @description Opted out (it was opted in until now) */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OptOut"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    getOptOutStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Local or E.164 (`+` percent-encoded as `%2B`, or left as is) */
                phone: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the phone is opted out now, since when and how */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OptOutStatus"];
                };
            };
            401: components["responses"]["Error401"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    optInPhone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Local or E.164 (`+` percent-encoded as `%2B`, or left as is) */
                phone: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Opted in */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OptedIn"];
                };
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    getConsentHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Local or E.164 (`+` percent-encoded as `%2B`, or left as is) */
                phone: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current state and every consent event */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentHistory"];
                };
            };
            401: components["responses"]["Error401"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    getAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account the key belongs to */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            401: components["responses"]["Error401"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    updateAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    dailySpendLimit?: number | null;
                    quietHours?: {
                        start: string;
                        end: string;
                    } | null;
                    lowBalanceThreshold?: number | null;
                };
            };
        };
        responses: {
            /** @description The account, as `GET /v1/account` answers it */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    getBalance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Credit in minor units */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Balance"];
                };
            };
            401: components["responses"]["Error401"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every key of the account */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            401: components["responses"]["Error401"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description The new key; `key` is shown only here */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKey"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    rotateApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default 24 */
                    graceHours?: number;
                };
            };
        };
        responses: {
            /** @description The replacement key; `key` is shown only here */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKey"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                action?: ("auth.sign_in" | "auth.sign_in_failed" | "auth.sign_out" | "api_key.create" | "api_key.rotate" | "api_key.revoke" | "webhook.create" | "webhook.update" | "webhook.delete" | "webhook.rotate_secret" | "callback_secret.rotate" | "sender_id.request" | "sender_id.approve" | "sender_id.reject" | "credits.top_up" | "account.update_settings" | "opt_out.create" | "opt_out.delete" | "provider.update" | "route.update" | "dead_letter.replay" | "dead_letter.discard" | "dead_letter.expire" | "team.invite" | "team.revoke_invite" | "team.join" | "team.change_role" | "team.remove") | ("auth.sign_in" | "auth.sign_in_failed" | "auth.sign_out" | "api_key.create" | "api_key.rotate" | "api_key.revoke" | "webhook.create" | "webhook.update" | "webhook.delete" | "webhook.rotate_secret" | "callback_secret.rotate" | "sender_id.request" | "sender_id.approve" | "sender_id.reject" | "credits.top_up" | "account.update_settings" | "opt_out.create" | "opt_out.delete" | "provider.update" | "route.update" | "dead_letter.replay" | "dead_letter.discard" | "dead_letter.expire" | "team.invite" | "team.revoke_invite" | "team.join" | "team.change_role" | "team.remove")[];
                since?: string;
                until?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of audit events */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            401: components["responses"]["Error401"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            500: components["responses"]["Error500"];
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    webhook_message_submitted: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageSubmittedEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_message_sent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageSentEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_message_delivered: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageDeliveredEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_message_failed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageFailedEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_message_undeliverable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageUndeliverableEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_message_expired: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageExpiredEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_message_rejected: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageRejectedEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_message_inbound: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageInboundEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_campaign_created: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignCreatedEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_campaign_rejected: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignRejectedEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_campaign_scheduled: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignScheduledEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_campaign_queued: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignQueuedEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_campaign_completed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignCompletedEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_campaign_cancelled: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignCancelledEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_contact_list_validated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactListValidatedEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_contact_list_validation_failed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactListValidationFailedEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_account_low_balance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountLowBalanceEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhook_webhook_test: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookTestEvent"];
            };
        };
        responses: {
            /** @description Received; any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
