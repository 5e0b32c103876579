// A typed Sema Link client in a few lines: openapi-fetch with the types openapi-typescript generated
// from the API's OpenAPI document (schema.d.ts, `npm run openapi:client`). `npm run typecheck`
// compiles this file, so it keeps up with the API.
import createClient from "openapi-fetch";
import type { components, paths } from "./schema";

export type Message = components["schemas"]["Message"];
export type ApiError = components["schemas"]["Error"];

export function semaLinkClient(baseUrl: string, apiKey: string) {
  return createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${apiKey}` } });
}

/** Sends one SMS; a retry with the same idempotency key never sends twice. */
export async function sendSms(client: ReturnType<typeof semaLinkClient>, to: string, text: string, idempotencyKey: string) {
  const { data, error, response } = await client.POST("/v1/messages", {
    params: { header: { "Idempotency-Key": idempotencyKey } },
    body: { to, from: "ACME", body: text, callbackEvents: ["delivered", "failed"] },
  });
  if (error) throw new Error(`Send failed (${response.status} ${error.error.code}): ${error.error.message}`);
  return data; // { messageId, status, to, segments, encoding, cost }
}

/** Follows a message until its status is final. */
export async function messageStatus(client: ReturnType<typeof semaLinkClient>, messageId: string): Promise<Message["status"]> {
  const { data, error } = await client.GET("/v1/messages/{id}", { params: { path: { id: messageId } } });
  if (error) throw new Error(error.error.message);
  return data.status;
}

/** Every failed message since a time, page by page. */
export async function failedMessagesSince(client: ReturnType<typeof semaLinkClient>, since: string): Promise<Message[]> {
  const messages: Message[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await client.GET("/v1/messages", { params: { query: { status: "failed", since, cursor, limit: 200 } } });
    if (error) throw new Error(error.error.message);
    messages.push(...data.data);
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
  return messages;
}
