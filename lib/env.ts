import path from "node:path";
import { z } from "zod";

// The one reader of process.env: configuration is parsed once, and a bad value stops
// start-up with a message that names the variable.

const booleanFromString = z
  .enum(["true", "false", "1", "0", "yes", "no"], {
    message: "use true or false",
  })
  .transform((value) => value === "true" || value === "1" || value === "yes");

/**
 * A 32-byte AES-256 key written as base64 (44 characters) or hex (64 characters):
 * `openssl rand -base64 32` makes one.
 */
const encryptionKey = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const bytes = /^[0-9a-f]{64}$/i.test(value)
      ? Buffer.from(value, "hex")
      : /^[A-Za-z0-9+/_-]{43}=?$/.test(value)
        ? Buffer.from(value, "base64")
        : null;
    if (bytes?.length !== 32) {
      ctx.addIssue({
        code: "custom",
        message:
          "use 32 random bytes as base64 (44 characters) or hex (64 characters): openssl rand -base64 32",
      });
      return z.NEVER;
    }
    return bytes;
  });

export type DatabaseEngine = "sqlite" | "postgresql";

function engineOf(url: string): DatabaseEngine | undefined {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\/[^/]/.test(url)) return "postgresql";
  return undefined;
}

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./data/webhooks.db")
    .refine((value) => engineOf(value) !== undefined, {
      message:
        "use a SQLite file URL (file:./data/webhooks.db) or a PostgreSQL URL " +
        "(postgresql://user:password@host:5432/database)",
    }),
  // Rows of the PostgreSQL pool per process; the server's max_connections bounds the sum over
  // every web and worker process.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Without a token /api/metrics answers 404: the metrics are not public by default.
  METRICS_TOKEN: z.string().min(16, { message: "use at least 16 characters" }).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(5),
  // Requests per second per API key (the bucket holds twice that for bursts): call events, and
  // everything else.
  API_INGEST_PER_SECOND: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  API_REQUESTS_PER_SECOND: z.coerce.number().int().min(1).max(1_000_000).default(100),
  // Every event is matched on every call of its trigger type; the cap keeps that bounded.
  MAX_EVENTS_PER_PROJECT: z.coerce.number().int().min(1).max(10_000).default(200),
  // X-Forwarded-For is whatever the client wrote unless a proxy of ours rewrites it.
  TRUST_PROXY: booleanFromString.default(false),
  GA_ENDPOINT: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
    .default("https://www.google-analytics.com"),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: booleanFromString.default(false),
  WORKER_IN_PROCESS: booleanFromString.default(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(32),
  WORKER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  WORKER_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  // Seals signing secrets, the GA API secret, secret header values and the real rendered
  // request of each delivery (AES-256-GCM). Without it development makes data/encryption.key;
  // production refuses to start (lib/secrets/keys.ts).
  APP_ENCRYPTION_KEY: encryptionKey.optional(),
  // The key before the last change: still opens old values until `npm run secrets:rotate` has
  // sealed them again under APP_ENCRYPTION_KEY.
  APP_ENCRYPTION_KEY_PREVIOUS: encryptionKey.optional(),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigurationError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Which engine DATABASE_URL names: a file: URL is SQLite, a postgresql:// URL PostgreSQL. */
export function databaseEngine(url = env().DATABASE_URL): DatabaseEngine {
  return engineOf(url) ?? "sqlite";
}

/** Absolute path of the SQLite file named by DATABASE_URL (relative paths start at the project root). */
export function databaseFile(url = env().DATABASE_URL): string {
  const file = url.replace(/^file:/, "");
  return path.isAbsolute(file)
    ? file
    : path.resolve(/* turbopackIgnore: true */ process.cwd(), file);
}
