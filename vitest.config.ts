import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Browser test files share one app and one database, so they run in file-name order: the
 * first (01-…) meets the empty database and creates the first administrator.
 */
class FileNameOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

const ROOT = fileURLToPath(new URL(".", import.meta.url));

/**
 * Files about the SQLite engine itself (pragmas, its migration history); they make their own
 * SQLite files whatever the engine, so a second run would repeat the first.
 * migrations.postgres.test.ts covers PostgreSQL's history.
 */
const SQLITE_ONLY = [
  "tests/integration/db-connection.test.ts",
  "tests/integration/migrations.test.ts",
  "tests/integration/**/*.sqlite.test.ts",
];

/** Files about the PostgreSQL engine itself; they need the server and run in its project only. */
const POSTGRES_ONLY = ["tests/integration/**/*.postgres.test.ts"];

const integrationProject = {
  environment: "node" as const,
  // Each file gets its own process, so a file's database and module state stay its own.
  pool: "forks" as const,
  isolate: true,
  testTimeout: 20_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  resolve: {
    alias: [{ find: /^@\//, replacement: ROOT }],
  },
  test: {
    // Gives the e2e global setup time to stop `next start` and its process group.
    teardownTimeout: 30_000,
    // Vitest reads the sequencer from the root config only; it orders every project's files.
    sequence: { sequencer: FileNameOrder },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          maxWorkers: 2,
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          ...integrationProject,
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: POSTGRES_ONLY,
          // Several files at a time on two cores: most of a file's time is its start (a fork,
          // imports, a fresh database) and waiting on sockets and timers, so they overlap.
          maxWorkers: 3,
        },
      },
      {
        extends: true,
        test: {
          ...integrationProject,
          // The same files on PostgreSQL (TEST_POSTGRES_URL, default the local server), each
          // on a database of its own; `npm test` runs this project when the server answers.
          name: "integration-postgres",
          // Two, not three: the PostgreSQL server needs the cores too.
          maxWorkers: 2,
          include: ["tests/integration/**/*.test.ts"],
          exclude: SQLITE_ONLY,
          // Half the fuzz runs on the second engine: the inputs are the same, what differs is how
          // the engine takes them, and the first engine runs the full count.
          env: { TEST_ENGINE: "postgres", FUZZ_RUNS: process.env.FUZZ_RUNS ?? "100" },
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          // One app server and one database serve every file, so files run one after another.
          pool: "forks",
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
          globalSetup: ["tests/e2e/support/global-setup.ts"],
        },
      },
    ],
  },
});
