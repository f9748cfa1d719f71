import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const RECEIVED_PATH = "/__received";

export interface ReceivedRequest {
  method: string;
  /** Path and query as the client sent them. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: string;
}

export interface RecordingReceiver {
  url: string;
  close: () => Promise<void>;
}

/**
 * Loopback HTTP server that answers 200 to everything and remembers it. The app under test talks
 * to it (GA_ENDPOINT); tests read it back through `GET /__received` because they run in other
 * processes than the global setup. `DELETE /__received` forgets everything.
 */
export async function startRecordingReceiver(): Promise<RecordingReceiver> {
  let received: ReceivedRequest[] = [];

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0];
      if (path === RECEIVED_PATH) {
        if (req.method === "DELETE") {
          received = [];
          res.writeHead(204).end();
          return;
        }
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(received));
        return;
      }
      received.push({
        method: req.method ?? "GET",
        url: req.url ?? "/",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        receivedAt: new Date().toISOString(),
      });
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok");
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
