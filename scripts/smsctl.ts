import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import { db } from "@/lib/db";
import { createAccount } from "@/lib/accounts/create-account";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { generatePassword } from "@/lib/auth/password";
import { formatMoney, parseMoney } from "@/lib/format";
import { getBalance } from "@/lib/credits/get-balance";
import { topUpCredits } from "@/lib/credits/movements";
import { MAX_TOP_UP_MINOR, TOP_UP_LIMIT_MESSAGE } from "@/lib/credits/schemas";
import { AppError } from "@/lib/http/errors";
import { closeQueues } from "@/lib/queue/enqueue";
import { newRequestId, runWithContext } from "@/lib/observability/request-context";
import { approveSenderIdByValue } from "@/lib/sender-ids/decide-sender-id";
import { cliCommands as extraCommands } from "@/lib/cli/commands";

type Options = Record<string, string | string[] | boolean | undefined>;
export type Command = { usage: string; run: (options: Options) => Promise<unknown> };

/**
 * A KES amount typed by an operator, as exact minor units, bounded like the portal's top-up.
 * A new account may start empty (`--credits 0`); a top-up must add something.
 */
function amountOption(options: Options, name: string, { allowZero = false } = {}): number {
  const text = required(options, name);
  const minor = parseMoney(text);
  if (minor === null || minor < 0 || (minor === 0 && !allowZero)) {
    const kind = allowZero ? "a KES amount (0 or more)" : "a positive KES amount";
    throw new UsageError(`--${name} must be ${kind} with at most two decimals, e.g. 1000 or 1000.50`);
  }
  if (minor > MAX_TOP_UP_MINOR) throw new UsageError(`--${name}: ${TOP_UP_LIMIT_MESSAGE}`);
  return minor;
}

function required(options: Options, name: string): string {
  const value = options[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} is required`);
  return value.trim();
}

class UsageError extends Error {}

/** The OS user running the CLI (containers without a passwd entry have none). */
function terminalUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? "unknown";
  }
}

async function requireAccount(accountId: string) {
  const account = await db.account.findUnique({ where: { id: accountId }, select: { id: true, name: true } }).catch(() => null);
  if (!account) throw new UsageError(`account ${accountId} not found`);
  return account;
}

const commands: Record<string, Command> = {
  "account create": {
    usage: "account create --name NAME --credits KES [--sender SENDER] [--email EMAIL] [--country KE] [--operator]",
    async run(options) {
      const name = required(options, "name");
      const credits = amountOption(options, "credits", { allowZero: true });
      const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "account";
      const email = typeof options.email === "string" ? options.email : `owner+${slug}-${randomBytes(3).toString("hex")}@semalink.local`;
      const password = generatePassword();
      const sender = typeof options.sender === "string" ? options.sender : undefined;
      const created = await createAccount({
        name,
        owner: { email, name: `${name} owner`, password, isOperator: options.operator === true },
        defaultCountry: typeof options.country === "string" ? options.country.toUpperCase() : "KE",
        credits,
        approvedSenderId: sender,
        withApiKey: true,
      });
      return {
        accountId: created.accountId,
        name,
        owner: { userId: created.userId, email, password },
        apiKey: created.apiKey?.key,
        senderId: sender ? { value: sender, status: "approved" } : null,
        credits: { minor: credits, formatted: formatMoney(credits) },
      };
    },
  },
  "account topup": {
    usage: "account topup --account ID --amount KES [--note TEXT]",
    async run(options) {
      const account = await requireAccount(required(options, "account"));
      const amount = amountOption(options, "amount");
      await topUpCredits(account.id, amount, { description: typeof options.note === "string" ? options.note : "Operator top-up" });
      const balance = await getBalance(account.id);
      return { accountId: account.id, toppedUp: { minor: amount, formatted: formatMoney(amount) }, balance };
    },
  },
  "apikey create": {
    usage: "apikey create --account ID [--name NAME]",
    async run(options) {
      const account = await requireAccount(required(options, "account"));
      const key = await createApiKey({ accountId: account.id, name: typeof options.name === "string" ? options.name : "CLI key" });
      return { accountId: account.id, apiKeyId: key.id, name: key.name, apiKey: key.key, prefix: key.prefix };
    },
  },
  "senderid approve": {
    usage: "senderid approve --account ID --sender SENDER",
    async run(options) {
      const account = await requireAccount(required(options, "account"));
      const sender = await approveSenderIdByValue(account.id, required(options, "sender"));
      return { accountId: account.id, senderId: sender };
    },
  },
  ...extraCommands,
};

/** `--key value` pairs, bare `--flag`s (true) and positionals, in any order. */
export function parseCommandLine(argv: string[]): { values: Options; positionals: string[] } {
  const values: Options = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      positionals.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const value = inline !== undefined ? inline : i + 1 < argv.length && !argv[i + 1].startsWith("--") ? argv[++i] : true;
    // A repeated option (`--to A --to B`) collects its values in order.
    const previous = values[key];
    if (typeof previous === "string" && typeof value === "string") values[key] = [previous, value];
    else if (Array.isArray(previous) && typeof value === "string") values[key] = [...previous, value];
    else values[key] = value;
  }
  return { values, positionals };
}

function usage(): string {
  return ["Usage: smsctl <command> [options]   (prints JSON)", "", ...Object.values(commands).map((c) => `  smsctl ${c.usage}`)].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  const name = positionals.slice(0, 2).join(" ");
  const command = commands[name];
  if (!command || values.help) {
    process.stderr.write(`${usage()}\n`);
    return values.help ? 0 : 2;
  }
  try {
    // The operator at this terminal is the actor of any audit event the command records.
    const actor = { type: "operator" as const, id: null, label: `cli:${terminalUser()}`, accountId: null };
    const result = await runWithContext({ requestId: newRequestId(), actor }, () => command.run(values as Options));
    process.stdout.write(`${JSON.stringify(result, (_k, v) => (typeof v === "bigint" ? Number(v) : v), 2)}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof AppError ? error.code : error instanceof UsageError ? "usage" : "error";
    const details = error instanceof AppError && error.details !== undefined ? { details: error.details } : {};
    process.stderr.write(`${JSON.stringify({ error: { code, message, ...details } })}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

const exitCode = await main(process.argv.slice(2));
await closeQueues();
await db.$disconnect();
process.exit(exitCode);
