// A bare contacts-validation worker process for bench/contacts-validate.ts (run with tsx): says
// "ready" once started, and on "stop" closes and reports its peak RSS.
import { startContacts } from "@/workers/contacts";

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const handle = startContacts();
process.send?.("ready");
process.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(sampler);
  void handle.close().then(() => process.send?.({ peakRss }, undefined, {}, () => process.exit(0)));
});
