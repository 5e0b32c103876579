import pino, { type DestinationStream } from "pino";
import { env } from "@/lib/env";
import { currentRequestId } from "@/lib/observability/request-context";
import { maskPhone, maskPhonesInText } from "@/lib/phone/mask";

type Level = "debug" | "info" | "warn" | "error";
type Fields = Record<string, unknown>;

const SECRET_KEY = /pass(word)?|secret|token|authorization|api[-_]?key|apikey|cookie|hash/i;
const PHONE_KEY = /^(to|from_?number|phone|mobile|msisdn|recipient|raw_?phone)$/i;

/**
 * The masker every field goes through before pino sees it: secrets by key name at any depth,
 * phone numbers by key name (whole value) or anywhere inside text, errors reduced to name and message.
 */
function scrub(key: string, value: unknown, depth: number): unknown {
  if (SECRET_KEY.test(key)) return "[redacted]";
  if (typeof value === "string") return PHONE_KEY.test(key) ? maskPhone(value) : maskPhonesInText(value);
  if (value instanceof Error) return { name: value.name, message: maskPhonesInText(value.message) };
  if (depth > 4 || value === null || typeof value !== "object") {
    return typeof value === "bigint" ? value.toString() : value;
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => scrub(key, item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(k, v, depth + 1)]));
}

const scrubFields = (fields: Fields | undefined): Fields => (fields ? (scrub("", fields, 0) as Fields) : {});

/** Secret-bearing keys pino censors itself as well, at the top level and one object down. */
const SECRET_PATHS = ["authorization", "password", "secret", "token", "apiKey", "apikey", "cookie", "headers.authorization", "headers.cookie"];
export const REDACT_PATHS = [...SECRET_PATHS, ...SECRET_PATHS.map((path) => `*.${path}`)];

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
  child(bindings: Fields): Logger;
}

function wrap(instance: pino.Logger): Logger {
  const write = (level: Level) => (message: string, fields?: Fields) => {
    if (!instance.isLevelEnabled(level)) return;
    instance[level](scrubFields(fields), maskPhonesInText(message));
  };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    child: (bindings) => wrap(instance.child(scrubFields(bindings))),
  };
}

/**
 * A JSON-lines logger (pino): ISO time, level name, message, fields, and the current request id
 * (lib/observability/request-context) on every line written while a request or job is running.
 */
export function createLogger(options: { level: Level | "silent"; destination?: DestinationStream }): Logger {
  const instance = pino(
    {
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      // Errors are already reduced by the masker (name and masked message); pino's own `err`
      // serializer would add type and stack back.
      serializers: { err: (value: unknown) => value },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    options.destination ?? process.stdout,
  );
  return wrap(instance);
}

export const logger: Logger = createLogger({ level: env.LOG_LEVEL, destination: env.LOG_DESTINATION === "stderr" ? process.stderr : process.stdout });
