import { env } from "@/lib/env";
import { maskPhone, maskPhonesInText } from "@/lib/phone/mask";

type Level = "debug" | "info" | "warn" | "error";
type Fields = Record<string, unknown>;

const LEVEL_RANK: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const SECRET_KEY = /pass(word)?|secret|token|authorization|api[-_]?key|apikey|cookie|hash/i;
const PHONE_KEY = /^(to|from_?number|phone|mobile|msisdn|recipient|raw_?phone)$/i;
function redact(key: string, value: unknown, depth: number): unknown {
  if (SECRET_KEY.test(key)) return "[redacted]";
  if (typeof value === "string") return PHONE_KEY.test(key) ? maskPhone(value) : maskPhonesInText(value);
  if (value instanceof Error) return { name: value.name, message: maskPhonesInText(value.message) };
  if (depth > 4 || value === null || typeof value !== "object") {
    return typeof value === "bigint" ? value.toString() : value;
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redact(key, item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(k, v, depth + 1)]));
}

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
  child(bindings: Fields): Logger;
}

function createLogger(bindings: Fields): Logger {
  const threshold = LEVEL_RANK[env.LOG_LEVEL];
  const write = (level: Level, message: string, fields?: Fields) => {
    if (LEVEL_RANK[level] < threshold) return;
    const line = JSON.stringify({
      time: new Date().toISOString(),
      level,
      msg: maskPhonesInText(message),
      ...(redact("", { ...bindings, ...fields }, 0) as Fields),
    });
    if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
    else process.stdout.write(`${line}\n`);
  };
  return {
    debug: (message, fields) => write("debug", message, fields),
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
    child: (more) => createLogger({ ...bindings, ...more }),
  };
}

export const logger: Logger = createLogger({});
