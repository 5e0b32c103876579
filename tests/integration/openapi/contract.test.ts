import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, test } from "vitest";
import { ERROR_STATUS, type ErrorCode } from "@/lib/http/errors";
import { openApiDocument } from "@/lib/openapi/document";
import { contractCases, type ContractRequest } from "./cases";
import { callOperation } from "./route-for";

// Real responses of every documented operation (one success, one error), called in-process against
// the real database and queues, validated against the generated document: the status is one the
// operation documents, the body matches that response's schema, and an error's code belongs to its
// status in lib/http/errors.ts. Fields the document does not describe fail too.

const DOCUMENT_ID = "https://sema.link/openapi.json";
const document = openApiDocument();

/**
 * The published document leaves objects open (clients must tolerate new fields); here every object
 * the schemas did not mark loose is closed, so a response field the document does not describe fails.
 */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (node === null || typeof node !== "object") return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, closeObjects(value)]));
  if (copy.type === "object" && copy.properties && !("additionalProperties" in copy)) copy.additionalProperties = false;
  return copy;
}
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(closeObjects(document) as object, DOCUMENT_ID);

const { apiKey, cases } = await contractCases();

/** A JSON pointer fragment: "/v1/messages" → "~1v1~1messages". */
const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

function validateAgainstDocument(operation: string, status: number, contentType: string | null, body: unknown) {
  const [method, documentPath] = operation.split(" ") as [string, string];
  const responses = document.paths?.[documentPath]?.[method.toLowerCase() as "get"]?.responses ?? {};
  expect(Object.keys(responses), `${operation} documents status ${status}`).toContain(String(status));
  const documented = responses[String(status)] as { $ref?: string; content?: Record<string, unknown> };
  // Error responses are shared components: "#/components/responses/Error422".
  const refName = documented.$ref?.split("/").pop();
  const response = (refName ? document.components?.responses?.[refName] : documented) as { content?: Record<string, unknown> };
  const schemaPath = refName ? ["components", "responses", refName] : ["paths", documentPath, method.toLowerCase(), "responses", String(status)];
  if (!response.content) {
    expect(body, `${operation} ${status} has no body`).toBeNull();
    return;
  }
  const mediaType = (contentType ?? "").split(";")[0]!.trim();
  expect(Object.keys(response.content), `${operation} ${status} documents ${mediaType}`).toContain(mediaType);
  if (mediaType !== "application/json") return;
  const pointer = [...schemaPath, "content", mediaType, "schema"].map(escape).join("/");
  const validate = ajv.getSchema(`${DOCUMENT_ID}#/${pointer}`);
  if (!validate) throw new Error(`no schema at ${pointer}`);
  const valid = validate(body);
  expect(valid ? [] : validate.errors, `${operation} ${status} body matches the document: ${JSON.stringify(body).slice(0, 500)}`).toEqual([]);
}

async function check(operation: string, request: ContractRequest, outcome: "success" | "error") {
  const response = await callOperation(operation, request, apiKey);
  if (outcome === "success") expect(response.status, `${operation}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
  else expect(response.status).toBeGreaterThanOrEqual(400);
  validateAgainstDocument(operation, response.status, response.headers.get("content-type"), response.body);
  if (outcome === "error") {
    const code = (response.body as { error: { code: ErrorCode } }).error.code;
    expect(ERROR_STATUS[code], `${code} is answered with ${response.status}`).toBe(response.status);
  }
}

// In order: some success requests consume rows (revoke, delete, cancel) that no other case uses.
describe.sequential("OpenAPI contract", () => {
  for (const [operation, contractCase] of Object.entries(cases)) {
    test(`${operation} success`, () => check(operation, contractCase.success, "success"));
    if (contractCase.error) {
      const error = contractCase.error;
      test(`${operation} error`, () => check(operation, error, "error"));
    }
  }
});
