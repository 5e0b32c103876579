import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/logger";
import { runWithContext } from "@/lib/observability/request-context";

function capture(level: "debug" | "info" | "warn" = "debug") {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split("\n")) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}

describe("logger (pino behind the Logger interface)", () => {
  it("writes JSON lines with an ISO time, the level name, the message and the fields", () => {
    const { logger, lines } = capture();
    logger.child({ component: "test" }).info("message sent", { messageId: "m-1", attempts: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", msg: "message sent", component: "test", messageId: "m-1", attempts: 2 });
    expect(new Date(lines[0].time as string).toISOString()).toBe(lines[0].time);
  });

  it("masks phone numbers in fields, bindings and the message text", () => {
    const { logger, lines } = capture();
    logger.child({ to: "+254712345678" }).warn("could not reach +254712345678", { recipient: "0712345678", note: "call 254712345678" });
    const line = JSON.stringify(lines[0]);
    expect(line).not.toMatch(/712345678/);
    expect(lines[0]).toMatchObject({ to: "+2547******78", recipient: "07******78" });
    expect(lines[0].msg).toContain("+2547******78");
  });

  it("redacts secrets by key at any depth, including through pino's own redaction of bindings", () => {
    const { logger, lines } = capture();
    logger.child({ apiKey: "sk_live_abc" }).error("request failed", {
      headers: { authorization: "Bearer sk_live_abc", accept: "json" },
      nested: { deeper: { password: "hunter2", token: "t0k" } },
      webhookSecret: "whsec_x",
    });
    const line = JSON.stringify(lines[0]);
    for (const secret of ["sk_live_abc", "hunter2", "t0k", "whsec_x"]) expect(line).not.toContain(secret);
    expect(lines[0]).toMatchObject({ apiKey: "[redacted]", headers: { authorization: "[redacted]", accept: "json" }, webhookSecret: "[redacted]" });
  });

  it("adds the current request id to every line written inside a request context", () => {
    const { logger, lines } = capture();
    runWithContext({ requestId: "req_abc" }, () => logger.info("inside"));
    logger.info("outside");
    expect(lines[0]).toMatchObject({ msg: "inside", requestId: "req_abc" });
    expect(lines[1]).not.toHaveProperty("requestId");
  });

  it("drops lines below the configured level and reduces errors to name and message", () => {
    const { logger, lines } = capture("warn");
    logger.info("not written");
    logger.debug("not written");
    logger.warn("written", { err: new Error("boom for +254712345678") });
    expect(lines).toHaveLength(1);
    expect(lines[0].err).toEqual({ name: "Error", message: "boom for +2547******78" });
  });
});
