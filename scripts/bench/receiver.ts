import path from "node:path";
import { type Started, sleep, startProcess } from "./processes";

export type Arrivals = Map<string, number>;

export type ReceiverHandle = {
  url: string;
  process: Started;
  /** Every arrival so far by delivery id (epoch ms), collected from the receiver. */
  collect: () => Promise<Arrivals>;
  /** Waits until every id has arrived or time runs out; answers the ids still missing. */
  waitFor: (ids: Iterable<string>, timeoutMs: number) => Promise<string[]>;
  stop: () => Promise<void>;
};

type Message =
  | { type: "listening"; url: string }
  | { type: "count"; count: number }
  | { type: "arrivals"; arrivals: Array<[string, number]> };

/** Starts scripts/bench/receiver.mjs as its own process and talks to it over IPC. */
export async function startReceiver(root: string): Promise<ReceiverHandle> {
  const started = startProcess(process.execPath, [path.join(root, "scripts/bench/receiver.mjs")], {
    cwd: root,
    env: process.env,
    ipc: true,
  });
  const waiting: Array<(message: Message) => void> = [];
  started.child.on("message", (message: Message) => waiting.shift()?.(message));
  const next = () => new Promise<Message>((resolve) => waiting.push(resolve));

  const listening = await Promise.race([
    next(),
    started.exited.then(() => {
      throw new Error(`the receiver exited:\n${started.output()}`);
    }),
  ]);
  if (listening.type !== "listening") throw new Error("the receiver did not report its port");

  const seen: Arrivals = new Map();
  // One question at a time: answers come back in the order asked.
  let chain: Promise<unknown> = Promise.resolve();
  const ask = (question: "take" | "count") => {
    const answer = chain.then(() => {
      const reply = next();
      started.child.send(question);
      return reply;
    });
    chain = answer;
    return answer;
  };

  const collect = async () => {
    const reply = await ask("take");
    if (reply.type === "arrivals") {
      for (const [id, at] of reply.arrivals) if (!seen.has(id)) seen.set(id, at);
    }
    return seen;
  };

  return {
    url: listening.url,
    process: started,
    collect,
    async waitFor(ids, timeoutMs) {
      const wanted = [...ids];
      const deadline = performance.now() + timeoutMs;
      while (true) {
        await collect();
        const missing = wanted.filter((id) => !seen.has(id));
        if (missing.length === 0 || performance.now() > deadline) return missing;
        await sleep(25);
      }
    },
    stop: started.stop,
  };
}
