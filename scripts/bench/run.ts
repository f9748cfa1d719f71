import path from "node:path";
import { db } from "../../lib/db/client";
import { applyPendingMigrations } from "../../lib/db/migrations";
import { measureDelivery } from "./delivery";
import { measureIngest } from "./ingest";
import { measureCsv, measureReads, measureSeed } from "./reads";
import { startReceiver } from "./receiver";
import { renderReport } from "./report";
import { configureEvents, createBenchProject } from "./setup";

const INGEST_CALL_EVENTS = 2_000;
const DELIVERIES = 4_000;
const DELIVERIES_PER_CALL = 4; // two events × two requests
const SEEDED_DELIVERIES = 100_000;

const step = (message: string) => console.log(`… ${message}`);

export async function runBench(databaseFile: string): Promise<void> {
  applyPendingMigrations(databaseFile, path.join(process.cwd(), "prisma", "migrations"));
  const receiver = await startReceiver();
  try {
    const projectId = await createBenchProject("ingest");
    await configureEvents(projectId, receiver.url);

    step(`ingest: ${INGEST_CALL_EVENTS} call events sequentially`);
    const ingestSequential = await measureIngest(projectId, "seq", INGEST_CALL_EVENTS, 1);
    step(`ingest: ${INGEST_CALL_EVENTS} call events from 32 concurrent callers`);
    const ingestConcurrent = await measureIngest(projectId, "par", INGEST_CALL_EVENTS, 32);
    // Only the delivery phase's own deliveries should be sent.
    await db.delivery.deleteMany({ where: { projectId } });

    step(`delivery: ${DELIVERIES} deliveries to ${receiver.url}`);
    const delivery = await measureDelivery(
      projectId,
      DELIVERIES,
      DELIVERIES_PER_CALL,
      receiver.received,
    );

    const demoProjectId = await createBenchProject("demo");
    step(`seed: ${SEEDED_DELIVERIES} demo deliveries`);
    const seed = await measureSeed(demoProjectId, SEEDED_DELIVERIES);
    step("error check reads: 3 warm-ups + 20 runs each");
    const reads = await measureReads(demoProjectId, "old-crm");
    step("CSV export of every delivery");
    const csv = await measureCsv(demoProjectId);

    const { text, json } = renderReport({
      ingestSequential,
      ingestConcurrent,
      delivery,
      seed,
      reads,
      csv,
    });
    console.log(`\nSpeed targets vs. measured (${process.version}, this machine)\n`);
    console.log(text);
    console.log(`\nBENCH_JSON ${JSON.stringify(json)}`);
  } finally {
    await receiver.close();
    await db.$disconnect();
  }
}
