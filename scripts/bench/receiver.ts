import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Receiver = { url: string; received: () => number; close: () => Promise<void> };

/** A loopback HTTP receiver (127.0.0.1, a free port) that drains the body and answers 200. */
export async function startReceiver(): Promise<Receiver> {
  let count = 0;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      count += 1;
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
