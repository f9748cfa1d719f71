// A small keep-alive HTTP client for the bench: closed loops (N clients, each sending its next
// request when the last answered) and open loops (requests started on a fixed schedule, so a
// slow server cannot slow the arrival rate down and hide its own latency).
import http from "node:http";

export type Call = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

export type Answer = {
  status: number;
  body: string;
  /** Epoch ms (sub-ms precision) when the request was due to start. */
  startedAt: number;
  ms: number;
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export const now = () => performance.timeOrigin + performance.now();

export function send(baseUrl: string, call: Call, startedAt = now()): Promise<Answer> {
  const url = new URL(call.path, baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: call.method,
        agent,
        headers: {
          ...call.headers,
          ...(call.body === undefined
            ? {}
            : {
                "content-type": "application/json",
                "content-length": Buffer.byteLength(call.body),
              }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            startedAt,
            ms: now() - startedAt,
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(call.body);
  });
}

export type LoopResult = {
  answers: Answer[];
  /** Requests that got no answer, by error code (ECONNRESET, …). */
  errors: Record<string, number>;
  seconds: number;
};

function countError(errors: Record<string, number>, error: unknown): void {
  const code =
    error instanceof Error && "code" in error && typeof error.code === "string"
      ? error.code
      : error instanceof Error
        ? error.message
        : String(error);
  errors[code] = (errors[code] ?? 0) + 1;
}

export const errorCount = (errors: Record<string, number>) =>
  Object.values(errors).reduce((sum, n) => sum + n, 0);

/** `clients` callers, each sending `makeCall(i)` again as soon as the last one answered. */
export async function closedLoop(
  baseUrl: string,
  clients: number,
  durationMs: number,
  makeCall: (index: number) => Call,
): Promise<LoopResult> {
  const answers: Answer[] = [];
  const errors: Record<string, number> = {};
  let index = 0;
  const started = performance.now();
  const client = async () => {
    while (performance.now() - started < durationMs) {
      const call = makeCall(index);
      index += 1;
      try {
        answers.push(await send(baseUrl, call));
      } catch (error) {
        countError(errors, error);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return { answers, errors, seconds: (performance.now() - started) / 1000 };
}

/** `ratePerSec` requests a second for `durationMs`, each timed from when it was due. */
export async function openLoop(
  baseUrl: string,
  ratePerSec: number,
  durationMs: number,
  makeCall: (index: number) => Call,
): Promise<LoopResult> {
  const total = Math.max(1, Math.round((ratePerSec * durationMs) / 1000));
  const intervalMs = 1000 / ratePerSec;
  const origin = now();
  const pending: Array<Promise<Answer | null>> = [];
  const errors: Record<string, number> = {};
  for (let i = 0; i < total; i += 1) {
    const due = origin + i * intervalMs;
    const wait = due - now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      send(baseUrl, makeCall(i), due).catch((error: unknown) => {
        countError(errors, error);
        return null;
      }),
    );
  }
  const answers = (await Promise.all(pending)).filter((a): a is Answer => a !== null);
  return { answers, errors, seconds: (now() - origin) / 1000 };
}

/** `clients` callers sending `total` requests between them, as fast as they are answered. */
export async function countedLoop(
  baseUrl: string,
  clients: number,
  total: number,
  makeCall: (index: number) => Call,
): Promise<LoopResult> {
  const answers: Answer[] = [];
  const errors: Record<string, number> = {};
  let index = 0;
  const started = performance.now();
  const client = async () => {
    while (index < total) {
      const call = makeCall(index);
      index += 1;
      try {
        answers.push(await send(baseUrl, call));
      } catch (error) {
        countError(errors, error);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return { answers, errors, seconds: (performance.now() - started) / 1000 };
}
