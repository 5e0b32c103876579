import http from "node:http";
import { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCelcomSimulator, type CelcomSimulator } from "@/simulators/celcom/create-celcom-simulator";
import { inboundUrlFor } from "@/simulators/celcom/inbound-originator";

interface Received {
  path: string;
  token: string | undefined;
  body: Record<string, unknown>;
}

let app: http.Server;
let appUrl: string;
const received: Received[] = [];
let simulator: CelcomSimulator;

beforeAll(async () => {
  app = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "", token: req.headers["x-callback-token"] as string | undefined, body: JSON.parse(Buffer.concat(chunks).toString()) });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ accepted: 1 }));
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  simulator = await createCelcomSimulator({ dlrUrl: `${appUrl}/api/callbacks/celcom/dlr`, dlrToken: "sim-token-123" });
});

afterAll(async () => {
  await simulator.close();
  await new Promise<void>((resolve) => app.close(() => resolve()));
});

function admin(body: unknown) {
  return fetch(`${simulator.url}/admin/inbound`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
}

describe("simulator: originating inbound messages", () => {
  it("posts the message to the inbound sibling of the DLR URL, with the callback token and a message id", async () => {
    expect(inboundUrlFor("http://h:3000/api/callbacks/celcom/dlr/")).toBe("http://h:3000/api/callbacks/celcom/inbound");
    const response = await admin({ from: "0712345678", to: "22384", message: "STOP" });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { delivered: boolean; status: number; messageid: string; response: unknown };
    expect(answer).toMatchObject({ delivered: true, status: 200, response: { accepted: 1 } });
    expect(received.at(-1)).toEqual({
      path: "/api/callbacks/celcom/inbound",
      token: "sim-token-123",
      body: { from: "0712345678", to: "22384", message: "STOP", messageid: answer.messageid, timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) },
    });

    const retried = await admin({ from: "0712345678", to: "22384", message: "STOP", messageid: answer.messageid });
    expect(((await retried.json()) as { messageid: string }).messageid).toBe(answer.messageid);
  });

  it("refuses malformed requests and says when there is nowhere to post", async () => {
    expect((await admin("not json")).status).toBe(400);
    const missing = await admin({ from: "0712345678" });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { code: "validation_failed" } });
    simulator.updateConfig({ dlrUrl: null });
    expect((await admin({ from: "0712345678", to: "22384", message: "" })).status).toBe(409);
    simulator.reset();
  });
});
