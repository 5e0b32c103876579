import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as sendRoute } from "@/app/api/v1/messages/route";
import { db } from "@/lib/db";
import { createProvider } from "@/lib/providers";
import { createCelcomSimulator, type CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { createSmppSimulator, type SmppSimulator } from "@/simulators/smpp/create-smpp-simulator";
import { createTestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { waitFor } from "@/tests/helpers/messages";
import { celcomDefinition, kenyaTable, smppDefinition } from "@/tests/integration/routing/helpers";
import { assignNumber, uniquePhone, uniqueShortCode } from "@/tests/helpers/two-way";
import { startInbound } from "@/workers/inbound";
import type { Closeable } from "@/workers/runtime";
import { startSending } from "@/workers/sending";

let celcom: CelcomSimulator;
let smsc: SmppSimulator;
let running: Closeable[] = [];

beforeAll(async () => {
  celcom = await createCelcomSimulator({ dlrEnabled: false });
  smsc = await createSmppSimulator({ adminPort: null, dlrEnabled: false });
  running = [
    await startSending({
      concurrency: 5,
      backoffMs: 50,
      routing: {
        // SMPP first, so the worker binds to the SMSC at start.
        table: kenyaTable([smppDefinition("smpp-mo", smsc), celcomDefinition("celcom-mo", celcom)]),
        fallback: createProvider({ kind: "simulator", baseUrl: celcom.url }),
      },
    }),
    startInbound(),
  ];
});

afterAll(async () => {
  for (const handle of running) await handle.close();
  await smsc?.close();
  await celcom?.close();
});

describe("mobile-originated messages over SMPP", () => {
  it("a deliver_sm from the SMSC enters the inbound pipeline: STOP opts the phone out of the number's account", async () => {
    const account = await createTestAccount({ credits: 10_000 });
    const shortCode = uniqueShortCode();
    await assignNumber(account.accountId, shortCode);
    const phone = uniquePhone();

    await waitFor(async () => smsc.sendMo({ from: phone, to: shortCode, body: "STOP" }), 15_000, "the worker to bind to the SMSC");
    const stored = await waitFor(
      () => db.inboundMessage.findFirst({ where: { accountId: account.accountId, from: phone } }),
      15_000,
      "the MO message to be stored",
    );
    expect(stored).toMatchObject({ provider: "smpp-mo", to: shortCode, body: "STOP", keyword: "STOP", action: "opt_out" });
    await waitFor(() => db.optOut.findFirst({ where: { accountId: account.accountId, phone } }), 10_000, "the opt-out");

    const refused = await callRoute<{ error: { code: string } }>(sendRoute, { apiKey: account.apiKey, body: { to: phone, from: account.senderId, body: "Sale!" } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("opted_out");
  });
});
