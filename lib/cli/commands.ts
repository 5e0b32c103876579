import { db } from "@/lib/db";
import { listDlrDeadLetters } from "@/lib/dlr/list-dlr-dead-letters";
import { resolveDlrDeadLetter } from "@/lib/dlr/resolve-dlr-dead-letter";
import { validate } from "@/lib/http/parse";
import { sendMessageInput } from "@/lib/messages/schemas";
import { acceptMessage } from "@/lib/messages/accept-message";
import { sendRecipients } from "@/lib/cli/send-recipients";

// CLI commands contributed by feature areas, merged into smsctl. Each prints JSON.
type Options = Record<string, string | string[] | boolean | undefined>;

const text = (options: Options, name: string) => (typeof options[name] === "string" ? (options[name] as string) : undefined);

export const cliCommands: Record<string, { usage: string; run: (options: Options) => Promise<unknown> }> = {
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
