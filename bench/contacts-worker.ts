// A bare contacts-validation worker process for bench/contacts-validate.ts (run with tsx): says
// "ready" once started, and on "stop" closes and reports its peak RSS.
import { startContacts } from "@/workers/contacts";

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const handle = startContacts();
// CPU is counted from here: start-up (module loading, connections) is not validation work.
const startupCpu = process.cpuUsage();
process.send?.("ready");
process.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(sampler);
  const used = process.cpuUsage(startupCpu);
  void handle.close().then(() => process.send?.({ peakRss, cpuSeconds: (used.user + used.system) / 1e6 }, undefined, {}, () => process.exit(0)));
});
