import type { ZodOpenApiPathsObject } from "zod-openapi";
import { inboundNumber, inboundNumberList } from "@/lib/inbound-numbers/responses";
import { updateInboundNumberInput } from "@/lib/inbound-numbers/schemas";
import { inboundMessagePage } from "@/lib/inbound/responses";
import { listInboundMessagesQuery } from "@/lib/inbound/schemas";
import { apiOperation, uuidPath } from "@/lib/openapi/operation";

export const inboundPaths: ZodOpenApiPathsObject = {
  "/v1/inbound-messages": {
    get: apiOperation({
      operationId: "listInboundMessages",
      tag: "Inbound",
      summary: "List inbound messages",
      description: "Messages people sent to the account's numbers, newest first; `phone` filters by sender; page with `cursor`. Each also arrives as a `message.inbound` webhook.",
      query: listInboundMessagesQuery,
      success: { status: 200, description: "One page of inbound messages", schema: inboundMessagePage },
    }),
  },
  "/v1/inbound-numbers": {
    get: apiOperation({
      operationId: "listInboundNumbers",
      tag: "Inbound",
      summary: "List inbound numbers",
      description: "The short codes and long numbers (or keywords of a shared short code) assigned to the account by an operator.",
      success: { status: 200, description: "The account's numbers", schema: inboundNumberList },
    }),
  },
  "/v1/inbound-numbers/{id}": {
    patch: apiOperation({
      operationId: "updateInboundNumber",
      tag: "Inbound",
      summary: "Update an inbound number",
      description: "The account's own setting on a number: whether STOP and START get a confirmation reply (each reply is a billed message).",
      path: uuidPath("id"),
      body: updateInboundNumberInput,
      success: { status: 200, description: "The number", schema: inboundNumber },
    }),
  },
};
