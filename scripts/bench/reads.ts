// The error check's reads over HTTP at volume: the API's list (first page, filtered, searched,
// second page) and the page's HTML as a signed-in admin gets it, each timed one after another
// (3 warm-ups, then `runs`). The limit is the light authenticated route, GET /api/v1/project,
// timed the same way in the same run.
import { z } from "zod";
import { type Answer, type Call, send } from "./http-load";
import { type Spread, spread } from "./stats";

export const READS = [
  "project (limit)",
  "first page",
  "filtered by event",
  "filtered 5xx",
  "text search",
  "page 2 (cursor)",
  "error check page HTML",
] as const;
export type ReadName = (typeof READS)[number];

export type ReadMeasure = Spread & { status: number; total: number | null };

const listSchema = z.object({
  items: z.array(z.object({ eventId: z.string().nullable() })),
  nextCursor: z.string().nullable(),
  total: z.number(),
});

async function timeRuns(baseUrl: string, call: Call, runs: number): Promise<ReadMeasure> {
  let last: Answer | undefined;
  for (let i = 0; i < 3; i += 1) last = await send(baseUrl, call);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    last = await send(baseUrl, call);
    samples.push(last.ms);
  }
  const status = last?.status ?? 0;
  const parsed = status === 200 && call.path.startsWith("/api/v1/deliveries");
  const total = parsed && last ? listSchema.parse(JSON.parse(last.body)).total : null;
  return { ...spread(samples), status, total };
}

export async function measureReads(options: {
  baseUrl: string;
  key: string;
  projectId: string;
  sessionToken: string;
  search: string;
  runs: number;
}): Promise<Record<ReadName, ReadMeasure>> {
  const headers = { "Auth-key": options.key };
  const api = (path: string): Call => ({ method: "GET", path, headers });
  const first = await send(options.baseUrl, api("/api/v1/deliveries"));
  if (first.status !== 200)
    throw new Error(`GET /api/v1/deliveries: ${first.status} ${first.body}`);
  const page = listSchema.parse(JSON.parse(first.body));
  const eventId = page.items.find((item) => item.eventId !== null)?.eventId;
  if (!eventId || !page.nextCursor) throw new Error("the seeded project has too few failures");

  const calls: Record<ReadName, Call> = {
    "project (limit)": api("/api/v1/project"),
    "first page": api("/api/v1/deliveries"),
    "filtered by event": api(`/api/v1/deliveries?eventId=${encodeURIComponent(eventId)}`),
    "filtered 5xx": api("/api/v1/deliveries?status=5xx"),
    "text search": api(`/api/v1/deliveries?q=${encodeURIComponent(options.search)}`),
    "page 2 (cursor)": api(`/api/v1/deliveries?cursor=${encodeURIComponent(page.nextCursor)}`),
    "error check page HTML": {
      method: "GET",
      path: `/projects/${options.projectId}/webhooks/errors`,
      headers: { Cookie: `webhooks_session=${options.sessionToken}` },
    },
  };
  const results: Partial<Record<ReadName, ReadMeasure>> = {};
  for (const name of READS) {
    results[name] = await timeRuns(options.baseUrl, calls[name], options.runs);
  }
  return results as Record<ReadName, ReadMeasure>;
}
