import { z } from "zod";
import { db } from "../db/client";
import { notFound } from "../errors";
import { callSchemaFor } from "../model/call-event";
import { findVariableProblems, ONLY_WHEN_VALID, webhookRequestSchema } from "../model/event-schema";
import { sampleCallFor } from "../model/sample-calls";
import { TRIGGER_TYPES } from "../model/trigger-types";
import { type RenderedRequest, renderRequest, toCurl } from "../render";

/** Stands in for the delivery id (json-rpc `id`, `{{delivery_id}}`) until a real delivery exists. */
export const PREVIEW_DELIVERY_ID = "preview";

export const previewInputSchema = z
  .object({
    type: z.enum(TRIGGER_TYPES, "choose one of the event types"),
    request: webhookRequestSchema,
    call: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    for (const problem of findVariableProblems(input.request, input.type)) {
      ctx.addIssue({
        code: "custom",
        path: ["request", ...problem.path],
        message: problem.message,
      });
    }
  }, ONLY_WHEN_VALID);

export type PreviewInput = z.input<typeof previewInputSchema>;

export type Preview = {
  method: string;
  url: string;
  headers: Array<{ name: string; value: string }>;
  body: string;
  curl: string;
};

/**
 * Exactly what the worker would send for this request, rendered with the trigger type's
 * sample call (or the given call), in the project's time zone.
 */
/**
 * Renders a request with the trigger type's sample call (or the given call) in the project's
 * time zone: what the worker would send, for the preview and the test send.
 */
export async function renderWithSampleCall(
  projectId: string,
  input: PreviewInput,
  deliveryId = PREVIEW_DELIVERY_ID,
): Promise<RenderedRequest> {
  const { type, request, call } = previewInputSchema.parse(input);
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: { timeZone: true, gaMeasurementId: true, gaApiSecret: true },
  });
  if (!project) throw notFound("Project");
  const sample = sampleCallFor(type);
  const callData = call
    ? z.object({ call: callSchemaFor(type) }).parse({ call }).call
    : sample.call;
  return renderRequest(request, callData, {
    projectId,
    timeZone: project.timeZone,
    eventType: type,
    eventTime: sample.occurredAt,
    deliveryId,
    gaMeasurementId: project.gaMeasurementId,
    gaApiSecret: project.gaApiSecret,
  });
}

export async function previewWebhookRequest(
  projectId: string,
  input: PreviewInput,
): Promise<Preview> {
  const rendered = await renderWithSampleCall(projectId, input);
  return {
    method: rendered.method,
    url: rendered.url,
    headers: rendered.headers,
    body: rendered.body ? new TextDecoder().decode(rendered.body) : "",
    curl: toCurl(rendered),
  };
}
