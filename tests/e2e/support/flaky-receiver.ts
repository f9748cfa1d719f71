import { startLoopbackServer } from "../../helpers/loopback-server";

/**
 * A CRM stand-in on loopback for the error check tests: answers 500 with `failureBody` until it
 * is "fixed", then 200. `hits` lists the paths it was sent, in order.
 */
export async function startFlakyReceiver(failureBody: string) {
  let broken = true;
  const server = await startLoopbackServer((_request, response) => {
    if (broken) response.writeHead(500, { "content-type": "application/json" }).end(failureBody);
    else response.writeHead(200, { "content-type": "text/plain" }).end("saved");
  });
  return {
    url: server.origin,
    get hits() {
      return server.requests.map((request) => request.target);
    },
    fix: () => {
      broken = false;
    },
    close: server.close,
  };
}

export type FlakyReceiver = Awaited<ReturnType<typeof startFlakyReceiver>>;
