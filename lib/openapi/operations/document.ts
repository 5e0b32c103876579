import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { apiOperation } from "@/lib/openapi/operation";

export const documentPaths: ZodOpenApiPathsObject = {
  "/v1/openapi.json": {
    get: apiOperation({
      operationId: "getOpenApiDocument",
      tag: "Reference",
      summary: "This document",
      description: "The OpenAPI 3.1 description of the API, generated from the same zod schemas that validate requests. No API key needed.",
      public: true,
      success: { status: 200, description: "The OpenAPI document", content: { "application/json": { schema: z.looseObject({ openapi: z.string() }) } } },
    }),
  },
};
