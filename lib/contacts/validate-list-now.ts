import { db } from "@/lib/db";
import { validateContactChunk } from "@/lib/contacts/validate-contacts";

/**
 * Runs every chunk of a validation run in this process, for callers that wait for the verdicts (a
 * campaign's inline recipients). The run's queued jobs, when a worker takes them, find their chunks
 * already counted and change nothing.
 */
export async function validateListNow(listId: string, runId: string): Promise<void> {
  const run = await db.contactValidationRun.findUniqueOrThrow({ where: { id: runId }, select: { chunkStarts: true, chunkEnds: true } });
  for (let chunk = 0; chunk < run.chunkStarts.length; chunk++) {
    await validateContactChunk({ listId, runId, chunk, fromId: String(run.chunkStarts[chunk]), toId: String(run.chunkEnds[chunk]) });
  }
}
