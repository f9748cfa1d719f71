"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, runAction } from "@/app/_actions/action-result";
import { requireProjectAction } from "@/app/_lib/session";
import { getResendBatch, markChecked, resendDeliveries, uncheck } from "@/lib/delivery-log/actions";
import { hourlyCounts } from "@/lib/delivery-log/chart";
import type {
  BulkTarget,
  DeliveryDetail,
  DeliveryFilter,
  DeliveryPage,
  HourlyBucket,
  ResendBatch,
} from "@/lib/delivery-log/contract";
import { getDeliveryDetail } from "@/lib/delivery-log/detail";
import {
  DEFAULT_PAGE_SIZE,
  deliveryFilterSchema,
  MAX_UNDO_IDS,
  parseBulkTarget,
  withoutCursor,
} from "@/lib/delivery-log/filters";
import { listDeliveries } from "@/lib/delivery-log/list";

// Every action re-checks the session and the role itself: an action is a public endpoint that
// anyone can post to with any arguments, whatever the page that shows its button. The server
// parses the filter again; the browser's copy is only a suggestion.

const id = z.string().min(1).max(100);

function toTarget(input: unknown): BulkTarget {
  const target = parseBulkTarget(input);
  return "ids" in target ? target : { filter: withoutCursor(target.filter) };
}

/** The badge in the navigation counts unchecked failures: every change re-renders the layout. */
function revalidateProject(projectId: string) {
  revalidatePath(`/projects/${projectId}`, "layout");
}

export async function listDeliveriesAction(
  projectId: string,
  filter: DeliveryFilter,
): Promise<ActionResult<DeliveryPage>> {
  return runAction(async () => {
    const project = id.parse(projectId);
    await requireProjectAction(project, "viewer");
    return listDeliveries(project, deliveryFilterSchema.parse(filter), DEFAULT_PAGE_SIZE);
  });
}

export async function getDeliveryAction(
  projectId: string,
  deliveryId: string,
): Promise<ActionResult<DeliveryDetail>> {
  return runAction(async () => {
    const project = id.parse(projectId);
    await requireProjectAction(project, "viewer");
    return getDeliveryDetail(project, id.parse(deliveryId));
  });
}

const rangeSchema = z
  .object({ from: z.iso.datetime(), to: z.iso.datetime(), eventId: id.optional() })
  .strict();

export async function hourlyCountsAction(
  projectId: string,
  range: z.input<typeof rangeSchema>,
): Promise<ActionResult<HourlyBucket[]>> {
  return runAction(async () => {
    const project = id.parse(projectId);
    await requireProjectAction(project, "viewer");
    const { from, to, eventId } = rangeSchema.parse(range);
    return hourlyCounts(project, { from: new Date(from), to: new Date(to), eventId });
  });
}

export async function resendAction(
  projectId: string,
  target: BulkTarget,
): Promise<ActionResult<ResendBatch>> {
  return runAction(async () => {
    const project = id.parse(projectId);
    const { user } = await requireProjectAction(project, "admin");
    const batch = await resendDeliveries(project, toTarget(target), user.id);
    revalidateProject(project);
    return batch;
  });
}

export async function resendBatchAction(
  projectId: string,
  batchId: string,
): Promise<ActionResult<ResendBatch>> {
  return runAction(async () => {
    const project = id.parse(projectId);
    await requireProjectAction(project, "viewer");
    return getResendBatch(project, id.parse(batchId));
  });
}

export async function markCheckedAction(
  projectId: string,
  target: BulkTarget,
): Promise<ActionResult<{ ids: string[] }>> {
  return runAction(async () => {
    const project = id.parse(projectId);
    const { user } = await requireProjectAction(project, "admin");
    const result = await markChecked(project, toTarget(target), user.id);
    revalidateProject(project);
    return result;
  });
}

export async function uncheckAction(
  projectId: string,
  ids: string[],
): Promise<ActionResult<undefined>> {
  return runAction(async () => {
    const project = id.parse(projectId);
    await requireProjectAction(project, "admin");
    await uncheck(project, z.array(id).min(1).max(MAX_UNDO_IDS).parse(ids));
    revalidateProject(project);
    return undefined;
  });
}
