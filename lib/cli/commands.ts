import { apiRateLimitText } from "@/lib/accounts/schemas";
import { setApiRateLimit } from "@/lib/accounts/set-api-rate-limit";
import { db } from "@/lib/db";
import { listDlrDeadLetters } from "@/lib/dlr/list-dlr-dead-letters";
import { resolveDlrDeadLetter } from "@/lib/dlr/resolve-dlr-dead-letter";
import { validate } from "@/lib/http/parse";
import { sendMessageInput } from "@/lib/messages/schemas";
import { acceptMessage } from "@/lib/messages/accept-message";

// CLI commands contributed by feature areas, merged into smsctl. Each prints JSON.
type Options = Record<string, string | boolean | undefined>;

const text = (options: Options, name: string) => (typeof options[name] === "string" ? (options[name] as string) : undefined);

export const cliCommands: Record<string, { usage: string; run: (options: Options) => Promise<unknown> }> = {
  send: {
    usage: "send --account ID --to NUMBER --from SENDER --body TEXT [--priority high|normal]",
    async run(options) {
      const accountId = text(options, "account");
      const account = accountId
        ? await db.account.findUnique({ where: { id: accountId }, select: { id: true } }).catch(() => null)
        : null;
      if (!account) throw new Error(accountId ? `account ${accountId} not found` : "--account is required");
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
};
