import path from "node:path";
import { callRoute, type CallResult } from "@/tests/helpers/http";
import type { ContractRequest } from "./cases";

const ROOT = path.resolve(import.meta.dirname, "../../..");

type Handler = Parameters<typeof callRoute>[0];

/** The route file serving a documented path: "/v1/messages/{id}" → app/api/v1/messages/[id]/route.ts. */
export function routeFileFor(documentPath: string): string {
  return path.join("app/api", documentPath.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
}

/** The document path a route file serves, the inverse of `routeFileFor`. */
export function documentPathFor(routeFile: string): string {
  return path.dirname(routeFile).replace(/^app\/api/, "").replace(/\[(\w+)\]/g, "{$1}");
}

/** Calls the handler of "METHOD /v1/path" in-process as the given request describes. */
export async function callOperation(operation: string, request: ContractRequest, apiKey: string): Promise<CallResult<unknown>> {
  const [method, documentPath] = operation.split(" ") as [string, string];
  const exported = (await import(path.join(ROOT, routeFileFor(documentPath)))) as Record<string, Handler>;
  const handler = exported[method];
  if (!handler) throw new Error(`${routeFileFor(documentPath)} exports no ${method}`);
  const { apiKey: requestKey, query, ...options } = request;
  const urlPath = documentPath.replace(/\{(\w+)\}/g, (_, name: string) => String(options.params?.[name] ?? name));
  return callRoute(handler, {
    ...options,
    method,
    path: query ? `${urlPath}?${query}` : urlPath,
    apiKey: requestKey === null ? undefined : (requestKey ?? apiKey),
  });
}
