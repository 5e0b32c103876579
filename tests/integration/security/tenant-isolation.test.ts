import path from "node:path";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { signInAs, sessionUserOf } from "@/tests/helpers/portal-session";
import { findFiles, ROOT } from "@/tests/integration/fuzz/arbitraries";
import { actionCases, portalRouteCases } from "./isolation/action-cases";
import { v1Cases, type CaseInput, type Expectation, type IsolationCase } from "./isolation/cases";
import { buildIsolationWorld, fingerprintOf, leakedSecrets, type IsolationWorld } from "./isolation/world";

vi.mock("@/lib/auth/next-auth", () => import("@/tests/helpers/portal-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// Outside a Next.js request: no request headers, no cookies.
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }) }));

// Tenant isolation over every route and action. The targets are found by walking app/ (every
// exported method of app/api/v1/**/route.ts and app/(portal)/**/route.ts, every export of
// app/**/actions.ts and components/**/actions.ts) and compared with the case tables in
// ./isolation: a route or action without a case fails the first test, by name. Then account B
// aims each one at account A's rows (cases.ts says what B must get), the answer must show none of
// A's ids, names or phones, and A's rows must be exactly as before.

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (request: Request, segment: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Action = (...args: unknown[]) => Promise<unknown>;
interface Target {
  key: string;
  kind: "v1" | "portal-route" | "action";
  call: Handler | Action;
}

/** `app/api/v1/messages/[id]/route.ts` → `/v1/messages/[id]`; `app/(portal)/opt-outs/export/route.ts` → `/opt-outs/export`. */
function routePath(file: string, root: string, prefix: string): string {
  return `${prefix}${path.dirname(path.relative(root, file)).split(path.sep).join("/")}`.replace(/\/\.$/, "");
}

async function routeTargets(root: string, prefix: string, kind: Target["kind"]): Promise<Target[]> {
  const files = findFiles(root, "route.ts");
  const modules = await Promise.all(files.map(async (file) => ({ file, exported: (await import(path.join(ROOT, file))) as Partial<Record<string, Handler>> })));
  return modules.flatMap(({ file, exported }) =>
    METHODS.flatMap((method) => {
      const handler = exported[method];
      return handler ? [{ key: `${method} ${routePath(file, root, prefix)}`, kind, call: handler }] : [];
    }),
  );
}

async function actionTargets(): Promise<Target[]> {
  const files = [...findFiles("app", "actions.ts"), ...findFiles("components", "actions.ts")];
  const modules = await Promise.all(files.map(async (file) => ({ file, exported: (await import(path.join(ROOT, file))) as Record<string, unknown> })));
  return modules.flatMap(({ file, exported }) =>
    Object.entries(exported)
      .filter((entry): entry is [string, Action] => typeof entry[1] === "function")
      .map(([name, action]) => ({ key: `${file.split(path.sep).join("/")} ${name}`, kind: "action" as const, call: action })),
  );
}

const targets = [...(await routeTargets("app/api/v1", "/v1/", "v1")), ...(await routeTargets("app/(portal)", "/", "portal-route")), ...(await actionTargets())];
const tables: Record<Target["kind"], Record<string, IsolationCase>> = { v1: v1Cases, "portal-route": portalRouteCases, action: actionCases };

test("every /v1 route, portal route handler and server action has an isolation case", () => {
  const missing = targets.filter((target) => !tables[target.kind][target.key]).map((target) => target.key);
  const known = new Set(targets.map((target) => target.key));
  const stale = Object.values(tables).flatMap((table) => Object.keys(table)).filter((key) => !known.has(key));
  expect(missing, "routes/actions without an isolation case (add them to tests/integration/security/isolation)").toEqual([]);
  expect(stale, "isolation cases for routes/actions that no longer exist").toEqual([]);
});

function buildRequest(target: Target, input: CaseInput, apiKey: string | null): Request {
  const [method, route] = target.key.split(" ");
  const url = new URL(`http://localhost${target.kind === "v1" ? "/api" : ""}${route}`);
  for (const [name, value] of Object.entries(input.query ?? {})) url.searchParams.set(name, value);
  const headers = new Headers();
  if (apiKey) headers.set("authorization", `Bearer ${apiKey}`);
  let body: BodyInit | undefined;
  if (input.file) {
    const form = new FormData();
    for (const [name, value] of Object.entries(input.file.fields ?? {})) form.append(name, value);
    form.append(input.file.field, new File([input.file.text], input.file.name, { type: "text/csv" }));
    body = form;
  } else if (input.body !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(input.body);
  }
  return new Request(url, { method, headers, body });
}

const EXPECTED_STATUS: Record<Expectation, (status: number) => boolean> = {
  "not-found": (status) => status === 404,
  rejected: (status) => status >= 400 && status < 500,
  own: (status) => status >= 200 && status < 300,
  refused: (status) => status === 403 || status === 404,
  public: (status) => status === 200,
};

async function callRouteAs(world: IsolationWorld, target: Target, input: CaseInput): Promise<{ outcome: string; ok: (expectation: Expectation) => boolean; answer: unknown; text: string }> {
  const request = buildRequest(target, input, target.kind === "v1" ? world.b.apiKey : null);
  const response = await (target.call as Handler)(request, { params: Promise.resolve(input.params ?? {}) });
  const text = await response.text();
  let answer: unknown = text;
  try {
    answer = JSON.parse(text);
  } catch {
    answer = text;
  }
  return { outcome: `${response.status} ${text.slice(0, 300)}`, ok: (expectation) => EXPECTED_STATUS[expectation](response.status), answer, text };
}

function formOf(fields: unknown): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries((fields ?? {}) as Record<string, string | string[]>)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  }
  return form;
}

async function callActionAs(target: Target, input: CaseInput): Promise<{ outcome: string; ok: (expectation: Expectation) => boolean; answer: unknown; text: string }> {
  const action = target.call as Action;
  let answer: unknown;
  try {
    answer = action.length === 1 ? await action(input.body) : await action({ status: "idle" }, formOf(input.body));
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT")) throw error;
    answer = { redirect: digest };
  }
  const state = (answer ?? {}) as { status?: string; message?: string; fieldErrors?: unknown; redirect?: string };
  const text = JSON.stringify(answer) ?? "";
  const ok = (expectation: Expectation): boolean => {
    switch (expectation) {
      case "not-found":
        return state.status === "error" && /not found|unknown|not opted out/i.test(JSON.stringify([state.message, state.fieldErrors]));
      case "rejected":
        return state.status === "error";
      case "own":
        return state.status === "success" || "redirect" in state;
      case "refused":
        return state.status === "error" && /operator/i.test(state.message ?? "");
      case "public":
        return true;
    }
  };
  return { outcome: text.slice(0, 300), ok, answer, text };
}

describe("account B against account A's rows", () => {
  let world: IsolationWorld;
  let before: Record<string, string>;

  beforeAll(async () => {
    world = await buildIsolationWorld();
    before = await fingerprintOf(world.a.accountId);
  }, 60_000);

  const covered = targets.filter((target) => tables[target.kind][target.key]);
  test.each(covered.map((target) => [target.key, target] as const))("%s", async (_key, target) => {
    const entry = tables[target.kind][target.key];
    const input = entry.input?.(world) ?? {};
    signInAs(sessionUserOf(world.b));
    const result = target.kind === "action" ? await callActionAs(target, input) : await callRouteAs(world, target, input);
    signInAs(null);
    expect(result.ok(entry.expect), `expected ${entry.expect}, got ${result.outcome}`).toBe(true);
    // The answer may echo what B sent (A's id in a "not found" form), nothing else of A's.
    const sent = JSON.stringify(input);
    expect(leakedSecrets(world, result.text, world.secrets.filter((secret) => sent.includes(secret))), `B's answer shows A's data: ${result.outcome}`).toEqual([]);
    entry.check?.(result.answer, world);
    expect(await fingerprintOf(world.a.accountId), "A's rows changed").toEqual(before);
  });
});
