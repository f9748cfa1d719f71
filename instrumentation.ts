export async function register() {
  // NEXT_RUNTIME is inlined by Next at build time; the check keeps Node-only modules
  // (better-sqlite3, fs, the HTTP sender) out of any edge bundle.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Fails at once without a key in production (the message names APP_ENCRYPTION_KEY).
    const { encryptionKeys } = await import("./lib/secrets/keys");
    encryptionKeys();
    const { prepareDatabase } = await import("./lib/db/startup");
    await prepareDatabase();
    const { sealPlainSecretsAtStart } = await import("./lib/secrets/start");
    await sealPlainSecretsAtStart();
    const { startInProcessWorker } = await import("./lib/dispatch/in-process");
    startInProcessWorker();
  }
}
