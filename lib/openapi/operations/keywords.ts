import type { ZodOpenApiPathsObject } from "zod-openapi";
import { keyword, keywordList } from "@/lib/keywords/responses";
import { createKeywordInput, updateKeywordInput } from "@/lib/keywords/schemas";
import { apiOperation, uuidPath } from "@/lib/openapi/operation";

const keywordPath = uuidPath("id");

export const keywordPaths: ZodOpenApiPathsObject = {
  "/v1/keywords": {
    get: apiOperation({
      operationId: "listKeywords",
      tag: "Keywords",
      summary: "List keywords",
      description: "The account's keywords, and the standard keywords (STOP, START, HELP…) every account answers.",
      success: { status: 200, description: "The keywords", schema: keywordList },
    }),
    post: apiOperation({
      operationId: "createKeyword",
      tag: "Keywords",
      summary: "Create a keyword",
      description:
        "Matched on the first word of messages to the account's numbers (or to one `number`). A standard word keeps its action; only its reply text changes. `reply` is required for the `reply` action.",
      body: createKeywordInput,
      errors: [409],
      success: { status: 201, description: "The keyword", schema: keyword },
    }),
  },
  "/v1/keywords/{id}": {
    get: apiOperation({ operationId: "getKeyword", tag: "Keywords", summary: "Get a keyword", path: keywordPath, success: { status: 200, description: "The keyword", schema: keyword } }),
    patch: apiOperation({
      operationId: "updateKeyword",
      tag: "Keywords",
      summary: "Update a keyword",
      description: "Changes the fields given; the same rules as creating apply to the result.",
      path: keywordPath,
      body: updateKeywordInput,
      errors: [409],
      success: { status: 200, description: "The keyword", schema: keyword },
    }),
    delete: apiOperation({ operationId: "deleteKeyword", tag: "Keywords", summary: "Delete a keyword", path: keywordPath, success: { status: 204, description: "Deleted" } }),
  },
};
