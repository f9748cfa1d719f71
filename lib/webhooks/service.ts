import type { Tx } from "../db/client";
import { db } from "../db/client";
import { env } from "../env";
import { AppError, notFound } from "../errors";
import {
  type WebhookEventConfig,
  type WebhookEventInput,
  webhookEventPatchSchema,
  webhookEventSchema,
} from "../model/event-schema";
import { MASK_UNRESOLVED_MESSAGE, unmaskHeaders } from "../model/sensitive";
import { type SigningRotationInput, signingRotationSchema } from "../model/signing-rotation";
import { sealSecret } from "../secrets/cipher";
import { parseStoredHeaders } from "./rows";
import {
  type SecretView,
  toWebhookEventDto,
  toWebhookRequestData,
  toWebhookRequestSecrets,
} from "./serializers";
import { generateSigningSecret } from "./signing-secret";

// Every query is scoped by the project taken from the session or the API key.

const WITH_REQUESTS = { requests: { orderBy: { position: "asc" } } } as const;

export async function listWebhookEvents(projectId: string) {
  const events = await db.webhookEvent.findMany({
    where: { projectId },
    orderBy: [{ locked: "desc" }, { createdAt: "asc" }],
    include: WITH_REQUESTS,
  });
  return events.map((event) => toWebhookEventDto(event));
}

/** The event as API clients and pages see it; `unmasked` only for services that send or copy it. */
export async function getWebhookEvent(
  projectId: string,
  eventId: string,
  view: SecretView = "masked",
) {
  const event = await db.webhookEvent.findFirst({
    where: { id: eventId, projectId },
    include: WITH_REQUESTS,
  });
  if (!event) throw notFound("Webhook event");
  return toWebhookEventDto(event, view);
}

/** What an admin's Reveal shows: every request's stored headers and signing secret. */
export async function revealWebhookEventSecrets(projectId: string, eventId: string) {
  const event = await db.webhookEvent.findFirst({
    where: { id: eventId, projectId },
    select: { id: true, requests: { orderBy: { position: "asc" } } },
  });
  if (!event) throw notFound("Webhook event");
  return { eventId: event.id, requests: event.requests.map(toWebhookRequestSecrets) };
}

/**
 * A mask sent back in a header value keeps the value stored for that header; one with nothing
 * stored behind it (a new request or header) is refused, naming the field.
 */
function keepMaskedHeaders(
  config: WebhookEventConfig,
  storedHeaders: (requestId: string) => Array<{ name: string; value: string }>,
): WebhookEventConfig {
  const requests = config.requests.map((request, index) => {
    const stored = request.id ? storedHeaders(request.id) : [];
    const { headers, unresolved } = unmaskHeaders(request.headers, stored);
    const first = unresolved[0];
    if (first !== undefined) {
      throw new AppError(
        "validation_failed",
        `requests[${index}].headers[${first}].value: ${MASK_UNRESOLVED_MESSAGE}`,
        `requests[${index}].headers[${first}].value`,
      );
    }
    return { ...request, headers };
  });
  return { ...config, requests };
}

/**
 * `copyOf` names the event a wizard copy started from: its requests carry their source's ids,
 * and a masked header value there stands for the source's stored value.
 */
export async function createWebhookEvent(
  projectId: string,
  input: WebhookEventInput,
  options: { copyOf?: string } = {},
) {
  const parsed = webhookEventSchema.parse(input);
  const sources = options.copyOf
    ? await db.webhookRequest.findMany({
        where: { eventId: options.copyOf, event: { projectId } },
        select: { id: true, headers: true },
      })
    : [];
  const byId = new Map(sources.map((row) => [row.id, row]));
  const config = keepMaskedHeaders(parsed, (id) => {
    const row = byId.get(id);
    return row ? parseStoredHeaders(row) : [];
  });
  const created = await db.$transaction((tx) => insertEvent(tx, projectId, config));
  return getWebhookEvent(projectId, created.id);
}

/** Creates and copies go through here, so neither can take a project past its cap. */
async function insertEvent(tx: Tx, projectId: string, config: WebhookEventConfig) {
  const max = env().MAX_EVENTS_PER_PROJECT;
  if ((await tx.webhookEvent.count({ where: { projectId } })) >= max) {
    throw new AppError("validation_failed", { key: "eventCap", values: { max } });
  }
  return tx.webhookEvent.create({
    data: {
      projectId,
      name: config.name,
      triggerType: config.type,
      enabled: config.enabled,
      conditions: config.conditions,
      requests: {
        create: config.requests.map((request, index) => ({
          ...toWebhookRequestData(request, index),
          signingSecret: request.signing.enabled ? sealSecret(generateSigningSecret()) : null,
        })),
      },
    },
  });
}

async function findEditableEvent(tx: Tx, projectId: string, eventId: string) {
  const event = await tx.webhookEvent.findFirst({
    where: { id: eventId, projectId },
    select: {
      id: true,
      name: true,
      locked: true,
      requests: { select: { id: true, signingSecret: true, headers: true } },
    },
  });
  if (!event) throw notFound("Webhook event");
  if (event.locked) {
    throw new AppError("locked", { key: "eventLocked", values: { name: event.name } });
  }
  return event;
}

export async function assertEventEditable(projectId: string, eventId: string) {
  await findEditableEvent(db, projectId, eventId);
}

/**
 * Replaces the event's configuration. Requests that carry the id of one of this event's
 * requests keep it (and their delivery history); the rest are new; missing ones are deleted.
 */
export async function updateWebhookEvent(
  projectId: string,
  eventId: string,
  input: WebhookEventInput,
) {
  const parsed = webhookEventSchema.parse(input);
  await db.$transaction(async (tx) => {
    const event = await findEditableEvent(tx, projectId, eventId);
    const existing = new Map(event.requests.map((r) => [r.id, r]));
    parsed.requests.forEach((request, index) => {
      if (request.id !== undefined && !existing.has(request.id)) {
        throw new AppError("validation_failed", { key: "notARequest" }, `requests[${index}].id`);
      }
    });
    const config = keepMaskedHeaders(parsed, (id) => {
      const row = existing.get(id);
      return row ? parseStoredHeaders(row) : [];
    });
    const kept = new Set(config.requests.flatMap((r) => (r.id ? [r.id] : [])));
    await tx.webhookRequest.deleteMany({ where: { eventId, id: { notIn: [...kept] } } });
    await tx.webhookEvent.update({
      where: { id: eventId },
      data: {
        name: config.name,
        triggerType: config.type,
        enabled: config.enabled,
        conditions: config.conditions,
      },
    });
    for (const [index, request] of config.requests.entries()) {
      const data = toWebhookRequestData(request, index);
      // A request keeps its signing secret across edits; turning signing on creates one.
      const secret = request.id ? existing.get(request.id)?.signingSecret : null;
      const signingSecret = request.signing.enabled
        ? (secret ?? sealSecret(generateSigningSecret()))
        : (secret ?? null);
      if (request.id)
        await tx.webhookRequest.update({
          where: { id: request.id },
          data: { ...data, signingSecret },
        });
      else await tx.webhookRequest.create({ data: { ...data, signingSecret, eventId } });
    }
  });
  return getWebhookEvent(projectId, eventId);
}

/** Name, enabled and conditions. The locked default event accepts only `enabled`. */
export async function patchWebhookEvent(projectId: string, eventId: string, input: unknown) {
  const patch = webhookEventPatchSchema.parse(input);
  if (patch.name !== undefined || patch.conditions !== undefined)
    await assertEventEditable(projectId, eventId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.webhookEvent.updateMany({
      where: { id: eventId, projectId },
      data: patch,
    });
    if (count === 0) throw notFound("Webhook event");
    // Enabling an event is the admin's word that its receivers are back: paused requests resume
    // and their failure count starts again.
    if (patch.enabled === true) {
      await tx.webhookRequest.updateMany({
        where: { eventId },
        data: { pausedAt: null, pausedReason: null, consecutiveFailures: 0 },
      });
    }
  });
  return getWebhookEvent(projectId, eventId);
}

/** Enabling and disabling is allowed for every event, the locked default one included. */
export function setWebhookEventEnabled(projectId: string, eventId: string, enabled: boolean) {
  return patchWebhookEvent(projectId, eventId, { enabled });
}

export async function reorderWebhookRequests(
  projectId: string,
  eventId: string,
  requestIds: string[],
) {
  await db.$transaction(async (tx) => {
    const event = await findEditableEvent(tx, projectId, eventId);
    const current = event.requests.map((r) => r.id).sort();
    if (requestIds.length !== current.length || [...requestIds].sort().join() !== current.join()) {
      throw new AppError("validation_failed", { key: "listEveryRequest" }, "requestIds");
    }
    for (const [position, id] of requestIds.entries()) {
      await tx.webhookRequest.update({ where: { id }, data: { position } });
    }
  });
  return getWebhookEvent(projectId, eventId);
}

/** Deletes the event and its requests; its past deliveries stay readable (they keep the name). */
export async function deleteWebhookEvent(projectId: string, eventId: string) {
  await db.$transaction(async (tx) => {
    await findEditableEvent(tx, projectId, eventId);
    await tx.webhookEvent.delete({ where: { id: eventId } });
  });
}

export { insertEvent };

/**
 * A new signing secret for one request. The old one keeps signing beside it (a second
 * signature) for the overlap the admin chose, so receivers can switch without losing a
 * request; 0 drops it at once. Returns the new secret and until when the old one still signs.
 */
export async function rotateSigningSecret(
  projectId: string,
  eventId: string,
  requestId: string,
  input: SigningRotationInput = {},
): Promise<{ requestId: string; signingSecret: string; previousValidUntil: string | null }> {
  const { overlapHours } = signingRotationSchema.parse(input);
  const signingSecret = generateSigningSecret();
  const until = overlapHours > 0 ? new Date(Date.now() + overlapHours * 3_600_000) : null;
  await db.$transaction(async (tx) => {
    await findEditableEvent(tx, projectId, eventId);
    const current = await tx.webhookRequest.findFirst({
      where: { id: requestId, eventId, signingEnabled: true },
      select: { signingSecret: true },
    });
    if (!current) throw new AppError("validation_failed", { key: "signingOff" }, "signing");
    const previous = until && current.signingSecret ? current.signingSecret : null;
    await tx.webhookRequest.update({
      where: { id: requestId },
      data: {
        signingSecret: sealSecret(signingSecret),
        // Still sealed as stored: the old secret is never written in the clear.
        previousSigningSecret: previous,
        previousSigningSecretUntil: previous ? until : null,
      },
    });
  });
  return {
    requestId,
    signingSecret,
    previousValidUntil: until ? until.toISOString() : null,
  };
}
