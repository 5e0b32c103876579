import { dlqCommands } from "@/lib/cli/dlq-commands";
import { z } from "zod";
import { apiRateLimitText } from "@/lib/accounts/schemas";
import { setApiRateLimit } from "@/lib/accounts/set-api-rate-limit";
import { db } from "@/lib/db";
import { listDlrDeadLetters } from "@/lib/dlr/list-dlr-dead-letters";
import { resolveDlrDeadLetter } from "@/lib/dlr/resolve-dlr-dead-letter";
import { validate } from "@/lib/http/parse";
import { listUnroutedInbound } from "@/lib/inbound/list-inbound-messages";
import { assignInboundNumber, listInboundNumbers, releaseInboundNumber } from "@/lib/inbound-numbers/manage-numbers";
import { assignInboundNumberInput, releaseInboundNumberInput } from "@/lib/inbound-numbers/schemas";
import { sendMessageInput } from "@/lib/messages/schemas";
import { acceptMessage } from "@/lib/messages/accept-message";
import { providerCommands } from "@/lib/cli/provider-commands";
import { sendRecipients } from "@/lib/cli/send-recipients";

// CLI commands contributed by feature areas, merged into smsctl. Each prints JSON.
type Options = Record<string, string | string[] | boolean | undefined>;

const text = (options: Options, name: string) => (typeof options[name] === "string" ? (options[name] as string) : undefined);

export const cliCommands: Record<string, { usage: string; run: (options: Options) => Promise<unknown> }> = {
  ...providerCommands,
  send: {
    usage: "send --account ID (--to NUMBER [--to NUMBER …] | --file numbers.csv) --from SENDER --body TEXT [--priority high|normal]",
    async run(options) {
      const accountId = text(options, "account");
      const account = accountId
        ? await db.account.findUnique({ where: { id: accountId }, select: { id: true } }).catch(() => null)
        : null;
      if (!account) throw new Error(accountId ? `account ${accountId} not found` : "--account is required");
      // Several recipients go the way of POST /v1/messages/batch: each judged on its own, one reservation per 1,000.
      if (Array.isArray(options.to) || options.file !== undefined) {
        return sendRecipients(account.id, { to: options.to, file: options.file, from: text(options, "from"), body: text(options, "body"), priority: text(options, "priority") });
      }
      // The same validation and flow as POST /v1/messages: number, content, sender ID, price, credit.
      const input = validate(sendMessageInput, {
        to: text(options, "to"),
        from: text(options, "from"),
        body: text(options, "body"),
        priority: text(options, "priority"),
      });
      return acceptMessage({ accountId: account.id }, input);
    },
  },
  "account set": {
    usage: "account set --account ID --rate-limit N|default",
    async run(options) {
      // Requests per second for the account's /v1 traffic; "default" returns to API_RATE_LIMIT_PER_SECOND.
      const accountId = text(options, "account");
      if (!accountId || !/^[0-9a-f-]{36}$/i.test(accountId)) throw new Error("--account must be an account id");
      const rateLimit = text(options, "rate-limit");
      if (rateLimit === undefined) throw new Error("--rate-limit is required (a number of requests per second, or default)");
      return setApiRateLimit(accountId, validate(apiRateLimitText, rateLimit));
    },
  },
  "dlr dead-letters": {
    usage: "dlr dead-letters [--limit N] [--stage callback|batch] [--all]",
    async run(options) {
      // Counts per stage and reason, then the most recent unresolved reports (--all: resolved too).
      return listDlrDeadLetters({ limit: text(options, "limit"), stage: text(options, "stage") as "callback" | "batch" | undefined, includeResolved: options.all === true });
    },
  },
  "dlr resolve": {
    usage: "dlr resolve --id ID",
    async run(options) {
      const id = text(options, "id");
      if (!id || !/^\d{1,18}$/.test(id)) throw new Error("--id must be a dead letter id (a number)");
      return resolveDlrDeadLetter(BigInt(id));
    },
  },
  ...dlqCommands,
  "number assign": {
    usage: "number assign --account ID --number NUMBER [--keyword WORD] [--zero-rated]",
    async run(options) {
      const input = validate(assignInboundNumberInput, {
        accountId: text(options, "account"),
        number: text(options, "number"),
        keyword: text(options, "keyword"),
        zeroRated: options["zero-rated"] === true,
      });
      return assignInboundNumber(input, "smsctl");
    },
  },
  "number list": {
    usage: "number list [--account ID]",
    async run(options) {
      const { accountId } = validate(z.object({ accountId: z.string().uuid("must be an account id").optional() }), { accountId: text(options, "account") });
      const [numbers, unrouted] = await Promise.all([listInboundNumbers({ accountId }), listUnroutedInbound(0)]);
      return { numbers, unroutedInbound: unrouted.total };
    },
  },
  "number release": {
    usage: "number release --number NUMBER [--keyword WORD]",
    async run(options) {
      const input = validate(releaseInboundNumberInput, { number: text(options, "number"), keyword: text(options, "keyword") });
      return { released: await releaseInboundNumber(input) };
    },
  },
};
