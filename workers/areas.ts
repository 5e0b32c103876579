import type { Closeable } from "@/workers/runtime";
import { startCampaigns } from "@/workers/campaigns";
import { startContacts } from "@/workers/contacts";
import { startDlr } from "@/workers/dlr";
import { startInbound } from "@/workers/inbound";
import { startMaintenance } from "@/workers/maintenance";
import { startScheduleKeeper } from "@/workers/schedules";
import { startSending } from "@/workers/sending";
import { startWebhooks } from "@/workers/webhooks";

/**
 * The processors of every queue in lib/queue/registry.ts, grouped by area (an area shares state
 * between its queues: the sending workers' priority gate, the DLR micro-batcher). The worker entry
 * starts them all and refuses to run if a registered queue has no processor.
 */
export const workerAreas: { name: string; start: () => Closeable | Promise<Closeable> }[] = [
  { name: "sending", start: () => startSending() },
  { name: "maintenance", start: startMaintenance },
  { name: "dlr", start: () => startDlr() },
  { name: "webhooks", start: () => startWebhooks() },
  { name: "contacts", start: startContacts },
  { name: "campaigns", start: startCampaigns },
  { name: "inbound", start: () => startInbound() },
  // Re-creates periodic job schedulers that Redis lost while the worker runs.
  { name: "schedules", start: () => startScheduleKeeper() },
];
