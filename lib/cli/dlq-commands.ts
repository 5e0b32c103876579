import { discardDeadLetterMessages } from "@/lib/dead-letters/discard-dead-letters";
import { deadLetterSummary, listDeadLetters } from "@/lib/dead-letters/list-dead-letters";
import { replayDeadLetterMessages } from "@/lib/dead-letters/replay-dead-letters";
import { deadLetterActionInput, deadLetterListInput } from "@/lib/dead-letters/schemas";
import { validate } from "@/lib/http/parse";

type Options = Record<string, string | boolean | undefined>;

const text = (options: Options, name: string) => (typeof options[name] === "string" ? (options[name] as string) : undefined);

/** `smsctl dlq …`: the dead-letter queue of messages parked while providers were unavailable. */
export const dlqCommands: Record<string, { usage: string; run: (options: Options) => Promise<unknown> }> = {
  "dlq list": {
    usage: "dlq list [--provider P] [--limit N]",
    async run(options) {
      const input = validate(deadLetterListInput, { provider: text(options, "provider"), limit: text(options, "limit") });
      const [summary, items] = await Promise.all([deadLetterSummary(), listDeadLetters(input)]);
      return { ...summary, items };
    },
  },
  "dlq replay": {
    usage: "dlq replay [--limit 500] [--provider P] [--older-than 10m]",
    async run(options) {
      const input = validate(deadLetterActionInput, { provider: text(options, "provider"), olderThan: text(options, "older-than"), limit: text(options, "limit") });
      return replayDeadLetterMessages(input);
    },
  },
  "dlq discard": {
    usage: "dlq discard [--older-than 6h] [--provider P] [--limit N]   (fails and refunds)",
    async run(options) {
      const input = validate(deadLetterActionInput, { provider: text(options, "provider"), olderThan: text(options, "older-than"), limit: text(options, "limit") });
      return discardDeadLetterMessages(input);
    },
  },
};
