// `Promise<never>` is assignable to every route's params type, so any route handler fits.
type RouteHandler = (request: Request, segment: { params: Promise<never> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  path?: string;
  apiKey?: string;
  body?: unknown;
  /** Sent as-is instead of JSON-encoding `body`. */
  rawBody?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  params?: Record<string, string | string[]>;
}

export interface CallResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * Calls an App Router route handler in-process with a real Request, exactly as Next.js would
 * (same handler, same database, same queues), without starting a server.
 */
export async function callRoute<T = Record<string, unknown>>(handler: RouteHandler, options: CallOptions = {}): Promise<CallResult<T>> {
  const headers = new Headers(options.headers);
  if (options.apiKey) headers.set("authorization", `Bearer ${options.apiKey}`);
  let body: string | Uint8Array<ArrayBuffer> | undefined = options.rawBody;
  if (body === undefined && options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(`http://localhost${options.path ?? "/"}`, {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) as Promise<never> });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}
