"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  type ActionResult,
  actionIdSchema,
  parseArgument,
  runAction,
} from "@/app/_actions/action-result";
import { requireProjectAction } from "@/app/_lib/session";
import { markChecked, resendDeliveries, uncheck } from "@/lib/delivery-log/actions";
import type { BulkTarget, ResendBatch } from "@/lib/delivery-log/contract";
import { MAX_UNDO_IDS, parseBulkTarget, withoutCursor } from "@/lib/delivery-log/filters";

// Every action re-checks the session and the role itself: an action is a public endpoint that
// anyone can post to with any arguments, whatever the page that shows its button. The server
// parses the filter again; the browser's copy is only a suggestion. Reads are not actions:
// the page GETs them from /api/v1 with the session cookie, so a poll never queues behind a
// change (Next runs one client's actions one after another).

function toTarget(input: unknown): BulkTarget {
  const target = parseBulkTarget(input);
  return "ids" in target ? target : { filter: withoutCursor(target.filter) };
}

/** The badge in the navigation counts unchecked failures: every change re-renders the layout. */
function revalidateProject(projectId: string) {
  revalidatePath(`/projects/${projectId}`, "layout");
}

export async function resendAction(
  projectId: string,
  target: BulkTarget,
): Promise<ActionResult<ResendBatch>> {
  return runAction(async () => {
    const project = parseArgument("projectId", actionIdSchema, projectId);
    const { user } = await requireProjectAction(project, "admin");
    const batch = await resendDeliveries(project, toTarget(target), user.id);
    revalidateProject(project);
    return batch;
  });
}

export async function markCheckedAction(
  projectId: string,
  target: BulkTarget,
): Promise<ActionResult<{ ids: string[] }>> {
  return runAction(async () => {
    const project = parseArgument("projectId", actionIdSchema, projectId);
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
    const project = parseArgument("projectId", actionIdSchema, projectId);
    await requireProjectAction(project, "admin");
    const undo = parseArgument("ids", z.array(actionIdSchema).min(1).max(MAX_UNDO_IDS), ids);
    await uncheck(project, undo);
    revalidateProject(project);
    return undefined;
  });
}
