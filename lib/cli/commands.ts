import { db } from "@/lib/db";
import { validate } from "@/lib/http/parse";
import { sendMessageInput } from "@/lib/messages/schemas";
import { acceptMessage } from "@/lib/messages/accept-message";
import { providerCommands } from "@/lib/cli/provider-commands";

// CLI commands contributed by feature areas, merged into smsctl. Each prints JSON.
type Options = Record<string, string | boolean | undefined>;

const text = (options: Options, name: string) => (typeof options[name] === "string" ? (options[name] as string) : undefined);

export const cliCommands: Record<string, { usage: string; run: (options: Options) => Promise<unknown> }> = {
  ...providerCommands,
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
};
