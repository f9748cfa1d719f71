export async function register() {
  // NEXT_RUNTIME is inlined by Next at build time; the check keeps Node-only modules
  // (better-sqlite3, fs, the HTTP sender) out of any edge bundle.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { prepareDatabase } = await import("./lib/db/startup");
    await prepareDatabase();
    const { startInProcessWorker } = await import("./lib/dispatch/in-process");
    startInProcessWorker();
  }
}
