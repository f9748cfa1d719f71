import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = {
  method: string;
  /** Path and query exactly as they arrived on the request line. */
  target: string;
  /** Every header line in order, names as sent, values as the bytes' Latin-1 reading. */
  headers: Array<{ name: string; value: string }>;
  body: Buffer;
};

export type Receiver = {
  /** `http://127.0.0.1:<port>`: the receiver only ever listens on loopback. */
  origin: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
};

/** A loopback HTTP server that records every request it gets and answers 200. */
export async function startReceiver(): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers: ReceivedRequest["headers"] = [];
      for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
        headers.push({ name: request.rawHeaders[i] ?? "", value: request.rawHeaders[i + 1] ?? "" });
      }
      requests.push({
        method: request.method ?? "",
        target: request.url ?? "",
        headers,
        body: Buffer.concat(chunks),
      });
      response.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
