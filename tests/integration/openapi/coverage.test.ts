import path from "node:path";
import { describe, expect, test } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";
import { findFiles, ROOT } from "../fuzz/arbitraries";
import { contractCases } from "./cases";
import { documentPathFor } from "./route-for";

// Every /v1 route file and method has an operation in the document, and every operation a route
// and a contract case. A route merged without its operation fails here, naming what to add
// (lib/openapi/operations/<resource>.ts, see docs/api.md).

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
// The catch-all answers unknown paths with 404 in the API's error shape; it is no operation.
const UNDOCUMENTED = new Set(["app/api/v1/[...path]/route.ts"]);

async function routedOperations(): Promise<string[]> {
  const operations: string[] = [];
  for (const file of findFiles("app/api/v1", "route.ts").filter((file) => !UNDOCUMENTED.has(file))) {
    const exported = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const method of METHODS) if (typeof exported[method] === "function") operations.push(`${method} ${documentPathFor(file)}`);
  }
  return operations.sort();
}

function documentedOperations(): string[] {
  const paths = openApiDocument().paths ?? {};
  return Object.entries(paths)
    .flatMap(([documentPath, item]) => METHODS.filter((method) => item?.[method.toLowerCase() as "get"]).map((method) => `${method} ${documentPath}`))
    .sort();
}

describe("OpenAPI coverage", () => {
  test("every route method is documented, and nothing else is", async () => {
    const routed = await routedOperations();
    const documented = documentedOperations();
    expect(routed.filter((operation) => !documented.includes(operation)), "routes without an operation in lib/openapi/operations").toEqual([]);
    expect(documented.filter((operation) => !routed.includes(operation)), "operations without a route").toEqual([]);
  });

  test("every documented operation has a contract case", async () => {
    const { cases } = await contractCases();
    expect(documentedOperations().filter((operation) => !cases[operation])).toEqual([]);
  });

  test("every webhook event type has a payload", async () => {
    const { ACCOUNT_EVENT_TYPES, INBOUND_EVENT_TYPES, MESSAGE_EVENT_TYPES, TEST_EVENT_TYPE } = await import("@/lib/webhooks/event-types");
    const webhooks = Object.keys(openApiDocument().webhooks ?? {}).sort();
    expect(webhooks).toEqual([...MESSAGE_EVENT_TYPES, ...INBOUND_EVENT_TYPES, ...ACCOUNT_EVENT_TYPES, TEST_EVENT_TYPE].sort());
  });
});
