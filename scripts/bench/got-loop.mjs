// The limit for draining the queue: a bare got 14 loop, a process of its own like the worker,
// sending `count` POSTs to the receiver with `concurrency` in flight over keep-alive
// connections. It prints one JSON line: when it was ready and when the last answer came.
//   node scripts/bench/got-loop.mjs <url> <count> <concurrency>
import http from "node:http";
import got from "got";

const [url, rawCount, rawConcurrency] = process.argv.slice(2);
const count = Number(rawCount);
const concurrency = Number(rawConcurrency);
if (!url || !(count > 0) || !(concurrency > 0)) {
  console.error("usage: node scripts/bench/got-loop.mjs <url> <count> <concurrency>");
  process.exit(2);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const client = got.extend({ agent: { http: agent }, retry: { limit: 0 }, throwHttpErrors: false });
const body = JSON.stringify({ id: "bench", caller: "380671234567" });

const readyAt = performance.timeOrigin + performance.now();
let next = 0;
let failed = 0;
async function loop() {
  while (next < count) {
    const index = next;
    next += 1;
    const response = await client.post(url, {
      body,
      headers: { "content-type": "application/json", "x-bench-id": `got-${index}` },
    });
    if (response.statusCode !== 200) failed += 1;
  }
}
await Promise.all(Array.from({ length: concurrency }, loop));
const doneAt = performance.timeOrigin + performance.now();
agent.destroy();
console.log(JSON.stringify({ readyAt, doneAt, sent: count, failed }));
