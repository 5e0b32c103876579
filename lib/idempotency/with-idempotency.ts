import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  hashIdempotentRequest,
  releaseIdempotencyKey,
  validateIdempotencyKey,
} from "@/lib/idempotency/idempotency";
import { json } from "@/lib/http/respond";

export const IDEMPOTENCY_HEADER = "idempotency-key";
export const IDEMPOTENT_REPLAY_HEADER = "idempotent-replayed";

export interface IdempotentResult {
  status: number;
  body: unknown;
  /** True when the domain call stored the response itself, atomically with what it created. */
  stored?: boolean;
}

/**
 * Runs a creating request at most once per `Idempotency-Key` header (24 h): a retry with the
 * same body gets the first response (header `Idempotent-Replayed: true`) and creates nothing.
 * Without the header the request simply runs. `run` receives the claim's record id so it can
 * store its response in the same transaction as what it creates.
 */
export async function withIdempotency(
  request: Request,
  accountId: string,
  body: unknown,
  run: (recordId: string | undefined) => Promise<IdempotentResult>,
): Promise<Response> {
  const header = request.headers.get(IDEMPOTENCY_HEADER);
  if (header === null) {
    const result = await run(undefined);
    return json(result.body, result.status);
  }
  const key = validateIdempotencyKey(header);
  const requestHash = hashIdempotentRequest(request.method, new URL(request.url).pathname, body);
  const claim = await claimIdempotencyKey(accountId, key, requestHash);
  if (claim.kind === "replay") return json(claim.body, claim.status, { [IDEMPOTENT_REPLAY_HEADER]: "true" });

  let result: IdempotentResult;
  try {
    result = await run(claim.recordId);
  } catch (error) {
    await releaseIdempotencyKey(claim.recordId);
    throw error;
  }
  if (!result.stored) await completeIdempotencyKey(claim.recordId, result.status, result.body);
  return json(result.body, result.status);
}
