// The bench's webhook receiver, a process of its own (plain node, no TypeScript loader, so its
// memory is a receiver's): answers 200 at once and remembers when each request arrived and
// which delivery it carried (the X-Webhook-Delivery header; requests without one, such as the
// bare got loop's, count by their X-Bench-Id header). The parent reads it over IPC.
import { createServer } from "node:http";

/** [id, arrival time in epoch ms with sub-ms precision] since the last "take". */
let arrivals = [];
let count = 0;

const server = createServer((request, response) => {
  const at = performance.timeOrigin + performance.now();
  const id = request.headers["x-webhook-delivery"] ?? request.headers["x-bench-id"] ?? "";
  arrivals.push([String(id), at]);
  count += 1;
  request.resume();
  request.on("end", () => {
    response.writeHead(200, { "content-type": "application/json", "content-length": "11" });
    response.end('{"ok":true}');
  });
});
server.keepAliveTimeout = 60_000;

process.on("message", (message) => {
  if (message === "count") process.send?.({ type: "count", count });
  else if (message === "take") {
    process.send?.({ type: "arrivals", arrivals });
    arrivals = [];
  }
});
process.on("disconnect", () => process.exit(0));

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.send?.({ type: "listening", url: `http://127.0.0.1:${port}/hook` });
});
