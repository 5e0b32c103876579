// The traffic of a run, through the public API only: accounts (made in the database, like
// bench/bench-account.ts), a webhook endpoint per account pointing at the harness's receiver, a
// campaign to a CSV contact list, a stream of single sends and a paced stream of batch sends. Every
// recipient is a different number, so a message sent twice is visible at the provider.
import { randomBytes } from "node:crypto";

export interface Account {
  accountId: string;
  apiKey: string;
  senderId: string;
}

/** Distinct Safaricom numbers (+25471xxxxxxx): one per sequence number below 10,000,000. */
export function numberFor(sequence: number): string {
  if (sequence >= 10_000_000) throw new Error("out of test numbers");
  return `+25471${String(sequence).padStart(7, "0")}`;
}

/** Where each stream takes its numbers from, so no two messages of a run share a recipient. */
export const NUMBER_BASE = { campaign: 0, singles: 2_000_000, batches: 3_000_000 } as const;

export async function createAccountWithKey(label: string): Promise<Account> {
  const { createAccount } = await import("@/lib/accounts/create-account");
  const suffix = randomBytes(4).toString("hex");
  const created = await createAccount({
    name: `Chaos ${label} ${suffix}`,
    owner: { email: `chaos-${label}-${suffix}@example.test`, name: "Chaos", password: randomBytes(12).toString("hex") },
    credits: 1_000_000_000_000,
    approvedSenderId: "CHAOS",
    withApiKey: true,
  });
  if (!created.apiKey) throw new Error("no API key issued");
  return { accountId: created.accountId, apiKey: created.apiKey.key, senderId: "CHAOS" };
}

export class Api {
  constructor(
    private readonly baseUrl: string,
    private readonly account: Account,
  ) {}

  async call(method: string, path: string, body?: unknown, contentType = "application/json"): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.account.apiKey}`, "content-type": contentType },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = { text: text.slice(0, 200) };
    }
    return { status: response.status, json };
  }

  async must(method: string, path: string, body?: unknown, contentType?: string): Promise<Record<string, unknown>> {
    const { status, json } = await this.call(method, path, body, contentType);
    if (status >= 300) throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(json).slice(0, 400)}`);
    return json;
  }

  /** An endpoint receiving every final message event, as JSON arrays. */
  async registerWebhook(url: string): Promise<void> {
    await this.must("POST", "/v1/webhooks", {
      url,
      events: ["message.delivered", "message.failed", "message.expired", "message.undeliverable", "message.rejected"],
      batch: true,
    });
  }

  /** Uploads `count` distinct numbers as a CSV list, waits until validated, and starts a campaign. */
  async startCampaign(count: number, timeoutMs = 300_000): Promise<string> {
    const rows = ["phone"];
    for (let index = 0; index < count; index += 1) rows.push(numberFor(NUMBER_BASE.campaign + index));
    const list = await this.must("POST", "/v1/contact-lists?name=chaos&header=true", `${rows.join("\n")}\n`, "text/csv");
    const listId = String(list.contactListId);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = await this.call("GET", `/v1/contact-lists/${listId}`).catch(() => null);
      const status = current?.json.status ?? (current?.json.data as Record<string, unknown> | undefined)?.status;
      if (status === "ready") break;
      if (status === "failed") throw new Error("contact list validation failed");
      if (Date.now() > deadline) throw new Error(`contact list not ready after ${timeoutMs / 1000} s (status ${String(status)})`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const campaign = await this.must("POST", "/v1/campaigns", {
      name: "Chaos campaign",
      from: this.account.senderId,
      body: "Chaos campaign: your weekly offer is ready.",
      contactListId: listId,
    });
    return String(campaign.campaignId ?? campaign.id);
  }
}

export interface StreamTally {
  requests: number;
  /** Message ids answered 202 (or accepted within a 202 batch). */
  accepted: string[];
  /** Requests that got no answer (connection refused or reset: the web was down). */
  noAnswer: number;
  /** Answers other than 202, per status. */
  byStatus: Record<string, number>;
  /** Batch items refused inside a 202. */
  refusedItems: number;
}

export function emptyTally(): StreamTally {
  return { requests: 0, accepted: [], noAnswer: 0, byStatus: {}, refusedItems: 0 };
}

/**
 * Sends `ratePerSecond` requests a second until `until()` says stop, at most `inFlight` at once
 * (a request that would exceed it is skipped and counted as not sent). `request(n)` makes the nth.
 */
export async function paced(ratePerSecond: number, inFlight: number, until: () => boolean, request: (n: number) => Promise<void>): Promise<{ skipped: number }> {
  const started = Date.now();
  let sent = 0;
  let running = 0;
  let skipped = 0;
  const pending = new Set<Promise<void>>();
  while (!until()) {
    const due = Math.floor(((Date.now() - started) / 1000) * ratePerSecond);
    while (sent < due) {
      const n = sent;
      sent += 1;
      if (running >= inFlight) {
        skipped += 1;
        continue;
      }
      running += 1;
      const task = request(n).finally(() => {
        running -= 1;
        pending.delete(task);
      });
      pending.add(task);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(5, Math.min(100, 1000 / ratePerSecond))));
  }
  await Promise.all(pending);
  return { skipped };
}

export function singleSender(api: Api, account: Account, tally: StreamTally) {
  return async (n: number) => {
    tally.requests += 1;
    try {
      const { status, json } = await api.call("POST", "/v1/messages", {
        to: numberFor(NUMBER_BASE.singles + n),
        from: account.senderId,
        body: `Chaos single ${n}: your code is ${100000 + (n % 900000)}.`,
      });
      if (status === 202) tally.accepted.push(String(json.messageId));
      else tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
    } catch {
      tally.noAnswer += 1;
    }
  };
}

export function batchSender(api: Api, account: Account, tally: StreamTally, batchSize: number) {
  return async (n: number) => {
    tally.requests += 1;
    const first = NUMBER_BASE.batches + n * batchSize;
    try {
      const { status, json } = await api.call("POST", "/v1/messages/batch", {
        from: account.senderId,
        body: "Your parcel is on its way.",
        messages: Array.from({ length: batchSize }, (_, index) => ({ to: numberFor(first + index) })),
      });
      if (status !== 202) {
        tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
        return;
      }
      for (const result of (json.results as { status: string; messageId?: string }[] | undefined) ?? []) {
        if (result.messageId && result.status !== "refused") tally.accepted.push(result.messageId);
        else tally.refusedItems += 1;
      }
    } catch {
      tally.noAnswer += 1;
    }
  };
}
