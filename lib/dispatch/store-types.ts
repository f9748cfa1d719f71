// What the delivery engine asks of its database, written once per engine (store-sqlite.ts,
// store-postgres.ts). Services above (ingest, claim, worker, settle) see only this shape.
import type { z } from "zod";
import type { CallEvent } from "../model/call-event";
import type { conditionsSchema } from "../model/event-schema";
import type { TRIGGER_TYPES } from "../model/trigger-types";
import type { SendableWebhookRequest } from "../webhooks/serializers";
import type { AttemptResult } from "./attempt-result";
import type { RenderedSnapshot } from "./rendered-snapshot";

/** After this many failed deliveries in a row a request is paused until it is enabled again. */
export const PAUSE_AFTER_FAILURES = 50;

export type IngestResult = { created: boolean; callEventId: string; deliveries: string[] };

/** What the store answers: the result, and the body hash stored with the call event it names. */
export type StoredIngest = IngestResult & { bodyHash: string | null };

export type MatchingEvent = {
  id: string;
  name: string;
  conditions: z.output<typeof conditionsSchema> | null;
  requests: Array<{ id: string; method: string; url: string; retryAttempts: number }>;
};

/** One delivery ingest writes: a matching event and one of its requests. */
export type PlannedDelivery = { event: MatchingEvent; request: MatchingEvent["requests"][number] };

/** A leased delivery with everything its attempt needs, read for a whole batch at once. */
export type ClaimedDelivery = {
  id: string;
  projectId: string;
  leaseOwner: string | null;
  status: string;
  attemptCount: number;
  maxAttempts: number;
  nextAttemptAt: Date;
  /** As shown: sensitive values masked. Rows from before redaction hold the real request. */
  rendered: RenderedSnapshot | null;
  /** The real rendered request, sealed (lib/secrets); what every later attempt sends. */
  renderedSealed: string | null;
  call: Record<string, unknown>;
  occurredAt: Date;
  triggerType: (typeof TRIGGER_TYPES)[number];
  project: { timeZone: string; gaMeasurementId: string | null; gaApiSecret: string | null };
  /** Null when the request was deleted after the delivery was queued. */
  request: SendableWebhookRequest | null;
  /** Its request has a rate limit (the worker then looks again when the window turns). */
  rateLimited: boolean;
};

/** What one attempt decided, ready to be written. */
export type Settlement = {
  deliveryId: string;
  workerId: string;
  requestId: string | null;
  attemptNumber: number;
  status: "succeeded" | "pending" | "failed";
  nextAttemptAt: Date;
  statusCode: number | null;
  error: { kind: string; message: string } | null;
  /**
   * Set on the first attempt: the rendered request is stored on the delivery once, redacted
   * for display, and sealed as it really is for the attempts and resends that follow.
   */
  firstRendered: { redacted: RenderedSnapshot; sealed: string } | null;
  result: AttemptResult | null;
  /**
   * The attempt sent exactly the body the delivery keeps in its rendered snapshot: the bytes
   * are stored there once, not again with every attempt (the log reads them from there).
   */
  bodyOnDelivery: boolean;
  /** The receiver answered 410 Gone: pause the request. */
  gone: boolean;
  at: Date;
};

export type ClaimInput = { workerId: string; limit: number; leaseMs: number; now: Date };

/**
 * How a worker learns that another process queued work, without polling the queue itself.
 */
export type QueueWatcher = {
  /** Calls `onChange` soon after another process may have queued work; returns a stop function. */
  watch: (onChange: () => void) => () => void;
};

export interface EngineStore {
  readonly engine: "sqlite" | "postgresql";
  /**
   * Stores a call event and its deliveries in one write transaction: the idempotency check on
   * the event's external id, the project's matching events (cached per config version) and the
   * inserts all see one consistent picture; ids are made in the app, nothing is read back.
   * `plan` picks the requests that get a delivery from the matching events. A repeated id
   * answers the first call event's result with the hash stored for it (null on old rows).
   */
  ingest(
    projectId: string,
    event: CallEvent,
    bodyHash: string,
    plan: (events: MatchingEvent[]) => PlannedDelivery[],
  ): Promise<StoredIngest>;
  /** Leases up to `limit` due deliveries to one worker, fairly and within each request's limits. */
  claim(input: ClaimInput): Promise<string[]>;
  /** The claimed deliveries with their call, request config and project settings, in `ids` order. */
  loadClaimed(ids: string[]): Promise<ClaimedDelivery[]>;
  /** Writes a batch of outcomes in one transaction; per item, whether it was recorded (lease still held). */
  settle(items: Settlement[]): Promise<boolean[]>;
  /** Extends the leases of `ids` the worker still holds (those in flight in it); returns how many. */
  renewLeases(workerId: string, ids: string[], leaseUntil: Date): Promise<number>;
  /**
   * Hands back deliveries the worker holds but will not settle: pending again, due at `dueAt`,
   * without an attempt counted. Returns how many it still held.
   */
  releaseLeases(workerId: string, ids: string[], dueAt: Date, now: Date): Promise<number>;
  /** Tells workers of other processes that work was queued (after a commit made elsewhere). */
  notifyQueued(): void;
  /** How this engine's workers hear of work other processes queued. */
  readonly queueWatcher: QueueWatcher;
}
