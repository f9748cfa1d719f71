// The contract between the deliveries services (lib/delivery-log/*) and their callers (the error
// check page, the delivery log, the API). Types only.
export type { BulkTarget, DeliveryFilter, StatusFilter } from "./filters";

import type { DeliveryStatus } from "../model/delivery-status";
import type { ResendRefusal } from "./resend-rules";

export type DeliveryListItem = {
  id: string;
  createdAt: string;
  completedAt: string | null;
  status: DeliveryStatus;
  checkedAt: string | null;
  eventId: string | null;
  eventName: string;
  triggerType: string;
  trigger: { group: string; label: string };
  requestId: string | null;
  method: string | null;
  url: string | null;
  httpStatus: number | null;
  errorKind: string | null;
  error: string | null;
  /** The first 300 characters of the last response body, for the "Full" view. */
  responseExcerpt: string | null;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  callId: string | null;
  caller: string | null;
};

export type DeliveryPage = {
  items: DeliveryListItem[];
  /** Opaque keyset cursor for the next page, null on the last page. */
  nextCursor: string | null;
  total: number;
};

export type AttemptDetail = {
  number: number;
  startedAt: string;
  durationMs: number;
  request: {
    method: string;
    url: string;
    headers: Array<{ name: string; value: string }>;
    body: string | null;
  };
  response: {
    status: number;
    headers: Record<string, string | string[]>;
    body: string | null;
    truncated: boolean;
  } | null;
  errorKind: string | null;
  error: string | null;
};

// Here `attempts` is the list of attempts, not the list item's count (as an intersection the
// two made `number & AttemptDetail[]`, which nothing can satisfy); the count is `attemptCount`.
export type DeliveryDetail = Omit<DeliveryListItem, "attempts"> & {
  /** The number of attempts made (the list item's `attempts`). */
  attemptCount: number;
  callEvent: { id: string; type: string; occurredAt: string; call: Record<string, unknown> };
  attempts: AttemptDetail[];
  /** curl for the stored rendered request (what every attempt sends), null before the first attempt. */
  curl: string | null;
  /** Why Send again is not possible (English), or null when it is. */
  resendBlockedReason: string | null;
  /** The same reason as a message key of the interface's catalogs and its values. */
  resendBlockedText: ResendRefusal | null;
};

export type ResendBatch = {
  id: string;
  total: number;
  pending: number;
  succeeded: number;
  failed: number;
  skipped: Array<{ id: string; reason: string; reasonText: ResendRefusal }>;
  /** How many were skipped in all; `skipped` lists at most the first 100 (added by the services). */
  skippedCount: number;
};

export type HourlyBucket = { hour: string; succeeded: number; failed: number };
