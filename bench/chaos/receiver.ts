// The customer's webhook receiver: registered as a webhook endpoint (batch: JSON arrays), it answers
// 200 to everything and remembers, per message, which final events arrived and how often.
import http from "node:http";
import { type AddressInfo } from "node:net";

export const FINAL_EVENT_TYPES = ["message.delivered", "message.failed", "message.expired", "message.undeliverable", "message.rejected"];

interface Envelope {
  eventId?: string;
  eventType?: string;
  message?: { id?: string; status?: string };
}

export interface WebhookReceiver {
  url: string;
  /** message id → event type of the first final event received. */
  finals: Map<string, string>;
  /** Distinct event ids seen. */
  eventIds: Set<string>;
  requests: number;
  events: number;
  /** Deliveries of an event id already received (at-least-once redelivery). */
  redelivered: number;
  /** A second, different final event id for a message that already had one. */
  secondFinals: number;
  /** Final events received per second of the run (index = second since start). */
  perSecond: number[];
  close(): Promise<void>;
}

export async function startReceiver(port: number): Promise<WebhookReceiver> {
  const startedAt = Date.now();
  const finalEventIdOf = new Map<string, string>();
  const receiver: Omit<WebhookReceiver, "url" | "close"> = {
    finals: new Map(),
    eventIds: new Set(),
    requests: 0,
    events: 0,
    redelivered: 0,
    secondFinals: 0,
    perSecond: [],
  };
  const record = (envelope: Envelope) => {
    receiver.events += 1;
    const eventId = envelope.eventId ?? "";
    if (receiver.eventIds.has(eventId)) {
      receiver.redelivered += 1;
      return;
    }
    receiver.eventIds.add(eventId);
    const messageId = envelope.message?.id;
    if (!messageId || !FINAL_EVENT_TYPES.includes(envelope.eventType ?? "")) return;
    const previous = finalEventIdOf.get(messageId);
    if (previous !== undefined && previous !== eventId) {
      receiver.secondFinals += 1;
      return;
    }
    finalEventIdOf.set(messageId, eventId);
    receiver.finals.set(messageId, envelope.eventType ?? "");
    const second = Math.floor((Date.now() - startedAt) / 1000);
    receiver.perSecond[second] = (receiver.perSecond[second] ?? 0) + 1;
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      receiver.requests += 1;
      try {
        const body: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        for (const envelope of Array.isArray(body) ? body : [body]) record(envelope as Envelope);
      } catch {
        // not JSON: counted as a request, nothing to record
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${address.port}/hooks`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
