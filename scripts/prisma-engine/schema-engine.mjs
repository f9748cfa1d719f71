#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which the CLI downloads from a CDN this
// network cannot reach. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here. Same command
// line and protocol as the native engine: line-delimited JSON-RPC 2.0 on stdin/stdout, the
// `cli <command>` sub-commands, `--version`; the work is done by @prisma/schema-engine-wasm.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import {
  checkDatabaseConnection,
  createDatabaseFile,
  createRpcMethods,
  dropDatabaseFile,
  runPostgresCliCommand,
  UserFacingError,
} from "./rpc-methods.mjs";
import {
  createEngineHandle,
  isPostgresUrl,
  readPanicMessage,
  resolveSqlitePath,
} from "./wasm-engine.mjs";

const require = createRequire(import.meta.url);
const DEBUG = Boolean(process.env.PRISMA_ENGINE_SHIM_DEBUG);

function readEngineHash() {
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const { version } = JSON.parse(
    readFileSync(path.join(path.dirname(bgPath), "package.json"), "utf8"),
  );
  return version.split(".").at(-1);
}

// The CLI reads stderr as the native engine's JSON tracing lines (level, fields, target).
function writeLog(level, fields, target = "schema_engine::logger") {
  const line = { timestamp: new Date().toISOString(), level, fields, target };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

function forwardEngineLog(json) {
  if (DEBUG) {
    process.stderr.write(`${json}\n`);
    return;
  }
  try {
    const { level } = JSON.parse(json);
    if (level === "ERROR" || level === "WARN") process.stderr.write(`${json}\n`);
  } catch {
    // Not a structured line: nothing the CLI could use.
  }
}

function parseArgs(argv) {
  const options = {
    datamodelPaths: [],
    datasource: {},
    version: false,
    help: false,
    cli: undefined,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") options.version = true;
    else if (arg === "--help" || arg === "-h") options.help = true;
    else if (arg === "--datamodels" || arg === "-d") options.datamodelPaths.push(argv[++i]);
    else if (arg === "--datasource") options.datasource = JSON.parse(argv[++i] ?? "{}");
    // Preview features and extension types change nothing for SQLite migrations.
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i += 1;
    else if (arg === "cli") {
      options.cli = argv[i + 1];
      break;
    } else throw new Error(`Unknown argument: ${arg}`);
  }
  return options;
}

function toRpcError(error, handle) {
  if (error instanceof WebAssembly.RuntimeError) {
    return { is_panic: true, message: readPanicMessage(), backtrace: error.stack ?? "" };
  }
  const message = handle?.explainExternalError(error?.message) ?? String(error?.message ?? error);
  if (typeof error?.code === "string" && /^P\d{4}$/.test(error.code)) {
    return { is_panic: false, message, meta: error.meta ?? {}, error_code: error.code };
  }
  return { is_panic: false, message, backtrace: null };
}

async function runCliCommand(command, datasource) {
  writeLog(
    "INFO",
    { message: "Starting schema engine CLI", git_hash: readEngineHash() },
    "schema_engine_cli",
  );
  try {
    if (!datasource.url)
      throw new UserFacingError("P1012", "The datasource.url property is required.");
    if (isPostgresUrl(datasource.url)) {
      await runPostgresCliCommand(command, datasource.url);
      return 0;
    }
    const databasePath = resolveSqlitePath(datasource.url);
    if (command === "can-connect-to-database") checkDatabaseConnection(databasePath);
    else if (command === "create-database") await createDatabaseFile(databasePath);
    else if (command === "drop-database") dropDatabaseFile(databasePath);
    else throw new Error(`Unknown cli command: ${command}`);
    return 0;
  } catch (error) {
    writeLog("ERROR", {
      is_panic: false,
      error_code: error.code ?? "",
      message: String(error.message),
    });
    return 1;
  }
}

function serveJsonRpc(options) {
  const handle = createEngineHandle({ ...options, onLog: forwardEngineLog });
  const pendingPrints = new Map();
  let nextPrintId = 1;
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

  // The native engine asks the CLI to print diff output through a request of its own.
  const print = (text) =>
    new Promise((resolve) => {
      const id = `print-${nextPrintId++}`;
      pendingPrints.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content: text.replace(/\n$/, "") } });
    });
  const methods = createRpcMethods({ handle, datasource: options.datasource, print });

  async function handleRequest(request) {
    const method = methods[request.method];
    if (!method) {
      send({
        jsonrpc: "2.0",
        id: request.id,
        error: { code: -32601, message: "Method not found" },
      });
      return;
    }
    try {
      const result = await method(request.params);
      send({ jsonrpc: "2.0", id: request.id, result: result ?? null });
    } catch (error) {
      const data = toRpcError(error, handle);
      if (DEBUG || data.is_panic) writeLog("ERROR", { method: request.method, ...data });
      send({
        jsonrpc: "2.0",
        id: request.id,
        error: {
          code: 4466,
          // The CLI shows a panic's top-level message but a user-facing error's data.message.
          message: data.is_panic
            ? data.message
            : "An error happened. Check the data field for details.",
          data,
        },
      });
      // A panicked wasm instance is poisoned; the native engine exits with 101 too.
      if (data.is_panic) process.exit(101);
    }
  }

  // One call at a time: the wasm engine and its SQLite connections are not re-entrant.
  let queue = Promise.resolve();
  const lines = readline.createInterface({
    input: process.stdin,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined && pendingPrints.has(message.id)) {
      pendingPrints.get(message.id)();
      pendingPrints.delete(message.id);
      return;
    }
    if (DEBUG) writeLog("DEBUG", { request: message }, "schema_engine_shim");
    queue = queue.then(() => handleRequest(message));
  });
  lines.on("close", () => {
    queue.then(() => handle.close()).finally(() => process.exit(0));
  });
  // The CLI ends stdin and sends SIGTERM at once; closing the connections here is what lets
  // SQLite remove its journal instead of leaving a (harmless, zeroed) one behind.
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      Promise.resolve(handle.close()).finally(() => process.exit(0));
    });
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.version) {
    process.stdout.write(`schema-engine-cli ${readEngineHash()}\n`);
    return;
  }
  if (options.help) {
    process.stdout.write(
      "Usage: schema-engine [--datamodels FILE]... [--datasource JSON] [cli COMMAND]\n",
    );
    return;
  }
  if (options.cli !== undefined) {
    process.exitCode = await runCliCommand(options.cli, options.datasource);
    return;
  }
  serveJsonRpc(options);
}

main().catch((error) => {
  writeLog("ERROR", { is_panic: false, message: String(error?.stack ?? error) });
  process.exit(1);
});
