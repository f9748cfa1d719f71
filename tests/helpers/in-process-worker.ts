// The web process's in-process worker with its signal handling, without Next around it: a test
// starts it as a process and sends it SIGTERM as a deployment would. Its first line names the
// worker, as `npm run worker` does.
import { startInProcessWorker } from "../../lib/dispatch/in-process";

const worker = startInProcessWorker();
if (!worker) throw new Error("WORKER_IN_PROCESS is off");
console.log(`worker ${worker.id} started`);
