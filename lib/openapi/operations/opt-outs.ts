import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { apiOperation } from "@/lib/openapi/operation";
import { consentHistory, optedIn, optOut, optOutPage, optOutStatus } from "@/lib/opt-outs/responses";
import { listOptOutsQuery, optOutInput } from "@/lib/opt-outs/schemas";

const phonePath = z.object({
  phone: z.string().meta({ description: "Local or E.164 (`+` percent-encoded as `%2B`, or left as is)", example: "0712345678" }),
});

const optOutFirst = apiOperation({
  operationId: "optOutPhone",
  tag: "Opt-outs",
  summary: "Opt a phone out",
  description: "Recorded as a consent event every time, as evidence of the request. Answers 201 when the phone was opted in until now, 200 when it already was opted out.",
  body: optOutInput,
  success: { status: 201, description: "Opted out (it was opted in until now)", schema: optOut },
});

/** A repeated opt-out answers 200 with the same body: both outcomes are documented. */
const optOutOperation = {
  ...optOutFirst,
  responses: { ...optOutFirst.responses, "200": { ...optOutFirst.responses["201"], description: "It already was opted out (the request is recorded again)" } },
};

export const optOutPaths: ZodOpenApiPathsObject = {
  "/v1/opt-outs": {
    get: apiOperation({
      operationId: "listOptOuts",
      tag: "Opt-outs",
      summary: "List opted-out phones",
      description: "Most recent first; `phone` finds one; page with `cursor`. Messages and campaigns skip these phones.",
      query: listOptOutsQuery,
      success: { status: 200, description: "One page of opt-outs", schema: optOutPage },
    }),
    post: optOutOperation,
  },
  "/v1/opt-outs/{phone}": {
    get: apiOperation({
      operationId: "getOptOutStatus",
      tag: "Opt-outs",
      summary: "Is a phone opted out",
      description: "Answers for any phone; 422 when the path is no phone number.",
      path: phonePath,
      pathNotFound: false,
      errors: [422],
      success: { status: 200, description: "Whether the phone is opted out now, since when and how", schema: optOutStatus },
    }),
    delete: apiOperation({
      operationId: "optInPhone",
      tag: "Opt-outs",
      summary: "Opt a phone back in",
      description: "Recorded as a consent event. 404 when the phone is not opted out.",
      path: phonePath,
      errors: [422],
      success: { status: 200, description: "Opted in", schema: optedIn },
    }),
  },
  "/v1/opt-outs/{phone}/history": {
    get: apiOperation({
      operationId: "getConsentHistory",
      tag: "Opt-outs",
      summary: "A phone's consent history",
      description: "Every opt-out and opt-in of the phone for this account, with its evidence, oldest first.",
      path: phonePath,
      pathNotFound: false,
      errors: [422],
      success: { status: 200, description: "The current state and every consent event", schema: consentHistory },
    }),
  },
};
