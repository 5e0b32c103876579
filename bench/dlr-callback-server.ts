// Serves the Celcom DLR callback route handler over plain node:http, for bench/dlr-callback.mjs
// when no built Next.js app is running (same handler, same validation, same Redis enqueue).
//   QUEUE_PREFIX=bench_cb PORT=4300 npx tsx bench/dlr-callback-server.ts
import http from "node:http";
import { POST } from "@/app/api/callbacks/celcom/dlr/route";

const port = Number(process.env.PORT ?? 4300);
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", async () => {
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
    const request = new Request(`http://127.0.0.1:${port}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const response = await POST(request, { params: Promise.resolve({}) });
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(Buffer.from(await response.arrayBuffer()));
  });
});
server.listen(port, "127.0.0.1", () => process.stdout.write(`dlr callback listening on ${port}\n`));
