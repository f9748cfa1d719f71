"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { planCallAction, playMomentAction } from "@/app/_actions/simulator";
import { fetchRead, readUrl } from "@/lib/http/fetch-read";
import type { TriggerType } from "@/lib/model/trigger-types";
import { type CallEventDeliveriesDto, isFinalStatus } from "@/lib/simulator/delivery-status";
import { simulatorKeys } from "@/lib/simulator/query-keys";
import { callEventDeliveriesSchema } from "@/lib/simulator/response-schemas";
import type { SimulatedCall } from "@/lib/simulator/simulation-options";

/** Long enough to watch the call move from one moment to the next, short enough not to bore. */
export const PAUSE_BETWEEN_MOMENTS_MS = 900;
const POLL_MS = 1000;

export type MomentPhase = "upcoming" | "posting" | "posted" | "failed";

export type MomentState = {
  type: TriggerType;
  occurredAt: string;
  phase: MomentPhase;
  callEventId?: string;
  error?: string;
};

export type CallRun = {
  uniqueid: string;
  startedAt: string;
  direction: SimulatedCall["direction"];
  moments: MomentState[];
  playing: boolean;
};

type ActionFailure = { ok: false; message: string; fieldErrors: Record<string, string> };

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function everyDeliveryFinal(data: CallEventDeliveriesDto[] | undefined): boolean {
  return (data ?? []).every((event) => event.deliveries.every((d) => isFinalStatus(d.status)));
}

/**
 * One simulated call at a time: plan it on the server, post its moments one by one with a pause
 * between them, and poll the deliveries of the posted moments until none can change any more.
 */
export function useCallRun(projectId: string) {
  const [run, setRun] = useState<CallRun | null>(null);
  // A newer play replaces the older one; the older loop stops at its next step.
  const generation = useRef(0);

  const update = useCallback((change: (run: CallRun) => CallRun, own: number) => {
    if (generation.current !== own) return;
    setRun((current) => (current ? change(current) : current));
  }, []);

  const setMoment = useCallback(
    (index: number, patch: Partial<MomentState>, own: number) =>
      update(
        (current) => ({
          ...current,
          moments: current.moments.map((m, i) => (i === index ? { ...m, ...patch } : m)),
        }),
        own,
      ),
    [update],
  );

  const play = useCallback(
    async (call: SimulatedCall): Promise<ActionFailure | undefined> => {
      const planned = await planCallAction(projectId, call);
      if (!planned.ok) return planned;
      generation.current += 1;
      const own = generation.current;
      const plan = { uniqueid: planned.data.uniqueid, startedAt: planned.data.startedAt };
      setRun({
        ...plan,
        direction: call.direction,
        playing: true,
        moments: planned.data.moments.map((m) => ({ ...m, phase: "upcoming" })),
      });
      for (let step = 0; step < planned.data.moments.length; step += 1) {
        if (generation.current !== own) return undefined;
        if (step > 0) await sleep(PAUSE_BETWEEN_MOMENTS_MS);
        setMoment(step, { phase: "posting" }, own);
        const played = await playMomentAction(projectId, { call, plan, step });
        if (!played.ok) {
          setMoment(step, { phase: "failed", error: played.message }, own);
          break;
        }
        setMoment(step, { phase: "posted", callEventId: played.data.callEventId }, own);
      }
      update((current) => ({ ...current, playing: false }), own);
      return undefined;
    },
    [projectId, setMoment, update],
  );

  const callEventIds = run?.moments.flatMap((m) => (m.callEventId ? [m.callEventId] : [])) ?? [];
  const playing = run?.playing ?? false;
  const deliveries = useQuery({
    queryKey: simulatorKeys.deliveries(projectId, callEventIds),
    // A GET, not a server action: the poll must not wait while the next moment is posted.
    queryFn: async ({ signal }) => {
      const url = readUrl("/api/v1/call-events/deliveries", projectId, {
        callEventId: callEventIds,
      });
      return (await fetchRead(url, callEventDeliveriesSchema, signal)).callEvents;
    },
    enabled: callEventIds.length > 0,
    // While the next moment is posted the key changes; keep showing what is known meanwhile.
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchInterval: (query) =>
      playing || !everyDeliveryFinal(query.state.data) ? POLL_MS : false,
  });

  return { run, play, deliveries };
}
