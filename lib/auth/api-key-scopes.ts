// What an API key may do. Free of server imports: the settings page's form uses it too.
import { z } from "zod";
import { isSingleLineText, SINGLE_LINE_MESSAGE } from "../model/text";

/**
 * `ingest` reaches only `POST /api/v1/call-events` (what the telephony platform needs);
 * `admin` reaches every route. A key may hold both; admin already includes ingest.
 */
export const API_KEY_SCOPES = ["ingest", "admin"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** What a key gets when its creator names no scope: keys made before scopes existed were admin. */
export const DEFAULT_API_KEY_SCOPES: readonly ApiKeyScope[] = Object.freeze(["admin"]);

export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, { label: string; description: string }> = {
  ingest: {
    label: "Ingest only",
    description:
      "Sends call events (POST /api/v1/call-events). Give this one to the telephony platform.",
  },
  admin: {
    label: "Admin",
    description: "Everything the API offers: events, previews, deliveries, resends.",
  },
};

/** Scopes in one order, each once, so equal sets store and compare equal. */
function normalize(scopes: readonly ApiKeyScope[]): ApiKeyScope[] {
  return API_KEY_SCOPES.filter((scope) => scopes.includes(scope));
}

/** The API key form's messages, by their key in messages/*.json (`validation.<key>`). */
export const API_KEY_MESSAGES = {
  scopeChoice: `use ${API_KEY_SCOPES.join(" or ")}`,
  scopesRequired: "choose at least one scope",
  scopesOnce: "name each scope once",
  keyNameRequired: "Name the key, e.g. CRM",
} as const;

export const apiKeyScopesSchema = z
  .array(z.enum(API_KEY_SCOPES, API_KEY_MESSAGES.scopeChoice))
  .min(1, API_KEY_MESSAGES.scopesRequired)
  .max(API_KEY_SCOPES.length, API_KEY_MESSAGES.scopesOnce)
  .transform(normalize);

export const apiKeyCreateSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, API_KEY_MESSAGES.keyNameRequired)
      .max(60, "Use at most 60 characters")
      .refine(isSingleLineText, SINGLE_LINE_MESSAGE),
    scopes: apiKeyScopesSchema.default(() => [...DEFAULT_API_KEY_SCOPES]),
  })
  .strict();

export type ApiKeyCreateInput = z.input<typeof apiKeyCreateSchema>;

/** The `scopes` column: the scope names separated by spaces. */
export const storedScopesSchema = z
  .string()
  .transform((text) => text.split(" ").filter(Boolean))
  .pipe(apiKeyScopesSchema);

export function formatStoredScopes(scopes: readonly ApiKeyScope[]): string {
  return normalize(scopes).join(" ");
}

/** Whether a key with these scopes may call a route that needs `needed`. */
export function scopesAllow(scopes: readonly ApiKeyScope[], needed: ApiKeyScope): boolean {
  return scopes.includes("admin") || scopes.includes(needed);
}

export type ApiKeyDto = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};
