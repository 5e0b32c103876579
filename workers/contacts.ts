import { env } from "@/lib/env";
import { validateContactChunk } from "@/lib/contacts/validate-contacts";
import { createQueueWorker, type Closeable } from "@/workers/runtime";

/** `contacts.validate`: one job per id range of a list; several run at once and across workers. */
export function startContacts(): Closeable {
  const worker = createQueueWorker("contactsValidate", (payload) => validateContactChunk(payload), {
    concurrency: env.CONTACT_VALIDATION_CONCURRENCY,
  });
  return { close: () => worker.close() };
}
