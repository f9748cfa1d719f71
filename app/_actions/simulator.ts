"use server";

import { z } from "zod";
import {
  type ActionResult,
  actionIdSchema,
  parseArgument,
  runAction,
} from "@/app/_actions/action-result";
import { requireProjectAction } from "@/app/_lib/session";
import {
  callPlanSchema,
  type PlannedCall,
  type PlayedMoment,
  planSimulatedCall,
  playSimulatedMoment,
} from "@/lib/simulator/play-call";
import { type SimulatedCallInput, simulatedCallSchema } from "@/lib/simulator/simulation-options";

// Every action re-checks the session and the role: an action is a public endpoint that anyone
// can post to with any arguments. The project always comes from the checked session, and the
// call events are rebuilt on the server from the validated options, never taken as sent.

const stepSchema = z
  .object({ call: simulatedCallSchema, plan: callPlanSchema, step: z.number().int().min(0).max(9) })
  .strict();

export async function planCallAction(
  projectId: string,
  input: SimulatedCallInput,
): Promise<ActionResult<PlannedCall>> {
  return runAction(async () => {
    const id = parseArgument("projectId", actionIdSchema, projectId);
    await requireProjectAction(id, "admin");
    return planSimulatedCall(simulatedCallSchema.parse(input));
  });
}

export async function playMomentAction(
  projectId: string,
  input: z.input<typeof stepSchema>,
): Promise<ActionResult<PlayedMoment>> {
  return runAction(async () => {
    const id = parseArgument("projectId", actionIdSchema, projectId);
    await requireProjectAction(id, "admin");
    const { call, plan, step } = stepSchema.parse(input);
    return playSimulatedMoment(id, call, plan, step);
  });
}
