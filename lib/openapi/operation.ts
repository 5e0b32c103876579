import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { errorResponse, RATE_LIMIT_HEADERS } from "@/lib/openapi/errors";

export interface OperationSpec {
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Path parameters (each id route answers 404 for an unknown or malformed id). */
  path?: z.ZodObject;
  /** False when the path names no row to find (a phone's opt-out status answers for any phone): no 404. */
  pathNotFound?: boolean;
  query?: z.ZodObject;
  header?: z.ZodObject;
  /** A JSON request body (adds 400, 413, 415 and 422), or the full content map for other media types. */
  body?: z.ZodType | { required: boolean; content: NonNullable<ZodOpenApiOperationObject["requestBody"]>["content"] };
  success: { status: 200 | 201 | 202 | 204; description: string; schema?: z.ZodType; content?: Record<string, { schema: z.ZodType }> };
  /** Error statuses beyond those implied by authentication, parameters and body. */
  errors?: number[];
  /** No API key (the document itself). */
  public?: boolean;
}

/**
 * One /v1 operation in the document. Every API-key route shares authentication (401), rate limits
 * (429 and the RateLimit-* headers on every answer) and the 500 that hides internals; the rest of
 * the error statuses follow from what the operation reads.
 */
export function apiOperation(spec: OperationSpec): ZodOpenApiOperationObject {
  const statuses = new Set(spec.errors ?? []);
  if (!spec.public) [401, 429, 500].forEach((status) => statuses.add(status));
  if (spec.path && spec.pathNotFound !== false) statuses.add(404);
  if (spec.query) statuses.add(422);
  if (spec.body) [400, 413, 415, 422].forEach((status) => statuses.add(status));

  const successHeaders = spec.public ? undefined : RATE_LIMIT_HEADERS;
  const responses: ZodOpenApiResponsesObject = {
    [String(spec.success.status)]: {
      description: spec.success.description,
      headers: successHeaders,
      content: spec.success.content ?? (spec.success.schema ? { "application/json": { schema: spec.success.schema } } : undefined),
    },
  };
  for (const status of [...statuses].sort()) {
    responses[String(status) as `4${string}`] = errorResponse(status);
  }

  return {
    operationId: spec.operationId,
    summary: spec.summary,
    description: spec.description,
    tags: [spec.tag],
    security: spec.public ? [] : undefined,
    requestParams: Object.fromEntries(Object.entries({ path: spec.path, query: spec.query, header: spec.header }).filter(([, schema]) => schema)),
    requestBody:
      spec.body === undefined
        ? undefined
        : spec.body instanceof z.ZodType
          ? { required: true, content: { "application/json": { schema: spec.body } } }
          : spec.body,
    responses,
  };
}

/** Path parameters that are UUIDs. */
export function uuidPath<K extends string>(...names: K[]) {
  return z.object(Object.fromEntries(names.map((name) => [name, z.uuid()])) as Record<K, z.ZodUUID>);
}
