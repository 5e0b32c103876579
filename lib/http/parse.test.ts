import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import { MAX_JSON_DEPTH, parseJsonBody, parseOptionalJsonBody, parseQuery } from "@/lib/http/parse";

const schema = z.object({ name: z.string().default("n"), data: z.unknown().optional() });

function request(body: string | undefined, contentType: string | null = "application/json", url = "http://localhost/x"): Request {
  const headers = new Headers();
  if (contentType) headers.set("content-type", contentType);
  return new Request(url, { method: body === undefined ? "GET" : "POST", headers, body });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("parseJsonBody", () => {
  it("parses and validates", async () => {
    expect(await parseJsonBody(request('{"name":"a"}'), schema)).toEqual({ name: "a" });
  });

  it("refuses another content type (415), a big body (413), malformed JSON (400) and invalid fields (422)", async () => {
    expect((await refusal(parseJsonBody(request("name=a", "application/x-www-form-urlencoded"), schema))).status).toBe(415);
    expect((await refusal(parseJsonBody(request(JSON.stringify({ name: "x".repeat(70_000) })), schema))).status).toBe(413);
    expect((await refusal(parseJsonBody(request('{"name":'), schema))).status).toBe(400);
    const invalid = await refusal(parseJsonBody(request('{"name":5}'), schema));
    expect(invalid.status).toBe(422);
    expect(invalid.details).toEqual([expect.objectContaining({ field: "name", message: expect.any(String) })]);
  });

  it("takes a larger limit where a route allows one", async () => {
    const body = JSON.stringify({ name: "x".repeat(70_000) });
    expect((await parseJsonBody(request(body), schema, 128 * 1024)).name).toHaveLength(70_000);
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels with a 422 on the top-level field`, async () => {
    const ok = `{"data":${"[".repeat(MAX_JSON_DEPTH - 1)}${"]".repeat(MAX_JSON_DEPTH - 1)}}`;
    expect(await parseJsonBody(request(ok), schema)).toMatchObject({ name: "n" });
    const deep = `{"data":${"[".repeat(30_000)}${"]".repeat(30_000)}}`;
    const error = await refusal(parseJsonBody(request(deep), schema));
    expect(error.status).toBe(422);
    expect(error.details).toEqual([{ field: "data", message: `must be nested at most ${MAX_JSON_DEPTH} levels deep` }]);
  });
});

describe("parseOptionalJsonBody", () => {
  it("reads an empty body as {} whatever its content type, and anything else as JSON", async () => {
    expect(await parseOptionalJsonBody(request(undefined, null), schema)).toEqual({ name: "n" });
    expect(await parseOptionalJsonBody(request("", "application/json"), schema)).toEqual({ name: "n" });
    expect(await parseOptionalJsonBody(request('{"name":"b"}'), schema)).toEqual({ name: "b" });
    expect((await refusal(parseOptionalJsonBody(request("name=b", "text/plain"), schema))).status).toBe(415);
  });
});

describe("parseQuery", () => {
  it("keeps repeated parameters as arrays and a __proto__ parameter as a plain key", () => {
    const parsed = parseQuery(request(undefined, null, "http://localhost/x?status=a&status=b&__proto__=x"), z.custom<Record<string, unknown>>());
    expect(parsed.status).toEqual(["a", "b"]);
    expect(Object.getOwnPropertyDescriptor(parsed, "__proto__")?.value).toBe("x");
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });
});
