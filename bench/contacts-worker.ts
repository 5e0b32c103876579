// A bare contacts-validation worker process for bench/contacts-validate.ts (run with tsx).
import { startContacts } from "@/workers/contacts";

const handle = startContacts();
process.on("message", (message) => {
  if (message === "stop") void handle.close().then(() => process.exit(0));
});
