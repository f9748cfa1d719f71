import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { newRequest, toRequestInput } from "@/components/webhooks/event-form/form-values";
import { REQUEST_DEFAULTS, webhookRequestSchema } from "@/lib/model/event-schema";

const PRISMA_DIR = path.join(process.cwd(), "prisma");

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "migrations" ? [] : schemaFiles(full);
    return entry.name.endsWith(".prisma") ? [full] : [];
  });
}

/** `field → default value` of one model, read from the schema's text. */
function columnDefaults(schema: string, model: string): Record<string, unknown> {
  const body = new RegExp(`^model ${model} \\{([\\s\\S]*?)^\\}`, "m").exec(schema)?.[1];
  if (!body) throw new Error(`model ${model} not found`);
  const defaults: Record<string, unknown> = {};
  for (const line of body.split("\n")) {
    const match = /^\s*(\w+)\s+\w+\??\s.*@default\(([^()]*)\)/.exec(line);
    if (match?.[1] && match[2] !== undefined) defaults[match[1]] = JSON.parse(match[2]);
  }
  return defaults;
}

describe("request defaults", () => {
  const files = schemaFiles(PRISMA_DIR);

  it("finds the Prisma schema", () => {
    expect(files.map((f) => path.relative(PRISMA_DIR, f))).toContain("schema.prisma");
  });

  it.each(files.map((f) => [path.relative(PRISMA_DIR, f), f]))(
    "%s's column defaults match REQUEST_DEFAULTS",
    (_name, file) => {
      const schema = readFileSync(file, "utf8");
      expect(columnDefaults(schema, "WebhookRequest")).toMatchObject({
        dateFormat: REQUEST_DEFAULTS.dateFormat,
        timeoutMs: REQUEST_DEFAULTS.timeoutMs,
        retryAttempts: REQUEST_DEFAULTS.retry.attempts,
        retrySchedule: REQUEST_DEFAULTS.retry.schedule,
        signingEnabled: REQUEST_DEFAULTS.signing.enabled,
      });
      expect(columnDefaults(schema, "Delivery")).toMatchObject({
        maxAttempts: REQUEST_DEFAULTS.retry.attempts,
      });
    },
  );

  it("are what a request that leaves every setting out is saved with", () => {
    const parsed = webhookRequestSchema.parse({
      url: "https://crm.example.com/hooks",
      method: "POST",
    });
    expect(parsed).toMatchObject({
      format: REQUEST_DEFAULTS.format,
      dateFormat: REQUEST_DEFAULTS.dateFormat,
      timeoutMs: REQUEST_DEFAULTS.timeoutMs,
      retry: REQUEST_DEFAULTS.retry,
      signing: REQUEST_DEFAULTS.signing,
    });
  });

  it("are what the wizard's new request starts with", () => {
    const fresh = toRequestInput({ ...newRequest(), url: "https://crm.example.com/hooks" });
    const saved = webhookRequestSchema.parse({
      url: "https://crm.example.com/hooks",
      method: "POST",
    });
    expect(fresh).toEqual({ ...saved, method: REQUEST_DEFAULTS.method });
  });

  it("cannot be changed through a parsed request", () => {
    const parsed = webhookRequestSchema.parse({
      url: "https://crm.example.com/hooks",
      method: "GET",
    });
    parsed.retry.attempts = 9;
    parsed.signing.enabled = true;
    expect(REQUEST_DEFAULTS.retry.attempts).toBe(4);
    expect(REQUEST_DEFAULTS.signing.enabled).toBe(false);
  });
});
