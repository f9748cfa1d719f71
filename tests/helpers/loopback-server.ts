import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type SeenRequest = {
  method: string;
  /** Path and query as they arrived on the request line. */
  target: string;
  /** Header lines in order as [name, value] pairs; values are the bytes read as Latin-1. */
  rawHeaders: Array<[string, string]>;
  body: Buffer;
  /** The client's port: equal ports on two requests mean one kept-alive connection. */
  remotePort: number | undefined;
};

/**
 * Answers one request; it may never answer (a hanging receiver) or destroy the socket. The
 * return value is ignored, so `(_, response) => response.writeHead(200).end()` fits.
 */
export type Respond = (
  request: SeenRequest,
  response: ServerResponse,
  raw: IncomingMessage,
) => unknown;

export type LoopbackServer = {
  /** `http://127.0.0.1:<port>`: these servers only ever listen on loopback. */
  origin: string;
  port: number;
  requests: SeenRequest[];
  /** TCP connections accepted, including ones that never sent a complete request. */
  connections: () => number;
  /** Replaces the answer for the requests that follow. */
  respondWith: (respond: Respond) => void;
  close: () => Promise<void>;
};

const OK: Respond = (_request, response) => {
  response.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
};

/** A programmable node:http server on 127.0.0.1, port chosen by the system. */
export async function startLoopbackServer(respond: Respond = OK): Promise<LoopbackServer> {
  const requests: SeenRequest[] = [];
  let connections = 0;
  let current = respond;
  const server = createServer((raw, response) => {
    const chunks: Buffer[] = [];
    raw.on("data", (chunk: Buffer) => chunks.push(chunk));
    raw.on("end", () => {
      const rawHeaders: Array<[string, string]> = [];
      for (let i = 0; i + 1 < raw.rawHeaders.length; i += 2) {
        rawHeaders.push([raw.rawHeaders[i] ?? "", raw.rawHeaders[i + 1] ?? ""]);
      }
      const seen: SeenRequest = {
        method: raw.method ?? "",
        target: raw.url ?? "",
        rawHeaders,
        body: Buffer.concat(chunks),
        remotePort: raw.socket.remotePort,
      };
      requests.push(seen);
      void current(seen, response, raw);
    });
  });
  server.on("connection", () => {
    connections += 1;
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    connections: () => connections,
    respondWith: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging requests would keep close() waiting for ever.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A loopback port with nothing listening: opened, then closed again. */
export async function closedPort(): Promise<number> {
  const server = await startLoopbackServer();
  await server.close();
  return server.port;
}
