import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "../db/client";
import { AppError, notFound } from "../errors";
import { callSchemaFor } from "../model/call-event";
import { findVariableProblems, ONLY_WHEN_VALID, webhookRequestSchema } from "../model/event-schema";
import { sampleCallFor } from "../model/sample-calls";
import { MASK, MASK_UNRESOLVED_MESSAGE, unmaskHeaders } from "../model/sensitive";
import { TRIGGER_TYPES } from "../model/trigger-types";
import { type RenderedRequest, renderRequest, toCurl } from "../render";
import { openNullableSecret } from "../secrets/cipher";

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

export type RenderOptions = {
  deliveryId?: string;
  /**
   * The saved request's stored headers. Given (a test send), a masked value the form sent back
   * is sent as the stored value, and a mask with nothing behind it is refused.
   */
  storedHeaders?: ReadonlyArray<{ name: string; value: string }>;
  /** Replaces the project's GA4 API secret with this stand-in (a viewer's preview). */
  gaApiSecretStandIn?: string;
};

/**
 * Renders a request with the trigger type's sample call (or the given call) in the project's
 * time zone: what the worker would send, for the preview and the test send.
 */
export async function renderWithSampleCall(
  projectId: string,
  input: PreviewInput,
  options: RenderOptions = {},
): Promise<RenderedRequest> {
  const parsed = previewInputSchema.parse(input);
  const { type, call } = parsed;
  let request = parsed.request;
  if (options.storedHeaders) {
    const { headers, unresolved } = unmaskHeaders(request.headers, options.storedHeaders);
    const first = unresolved[0];
    if (first !== undefined) {
      const field = `request.headers[${first}].value`;
      throw new AppError("validation_failed", `${field}: ${MASK_UNRESOLVED_MESSAGE}`, field);
    }
    request = { ...request, headers };
  }
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: { timeZone: true, gaMeasurementId: true, gaApiSecret: true },
  });
  if (!project) throw notFound("Project");
  const gaApiSecret = openNullableSecret(project.gaApiSecret);
  const sample = sampleCallFor(type);
  const callData = call
    ? z.object({ call: callSchemaFor(type) }).parse({ call }).call
    : sample.call;
  return renderRequest(request, callData, {
    projectId,
    timeZone: project.timeZone,
    eventType: type,
    eventTime: sample.occurredAt,
    deliveryId: options.deliveryId ?? PREVIEW_DELIVERY_ID,
    gaMeasurementId: project.gaMeasurementId,
    gaApiSecret:
      options.gaApiSecretStandIn !== undefined && gaApiSecret
        ? options.gaApiSecretStandIn
        : gaApiSecret,
  });
}

/**
 * The preview: exactly what the worker would send. Only admins see the GA4 API secret in it;
 * for anyone else `{{ga_api_secret}}` shows as the mask wherever it lands (URL, header, body,
 * curl). It renders as a random stand-in made of characters no encoding changes, which is then
 * replaced, so percent-encoding or JSON escaping cannot hide it from the replacement.
 */
export async function previewWebhookRequest(
  projectId: string,
  input: PreviewInput,
  options: { showSecrets: boolean } = { showSecrets: false },
): Promise<Preview> {
  const standIn = options.showSecrets ? undefined : `hidden${randomBytes(12).toString("hex")}`;
  const rendered = await renderWithSampleCall(projectId, input, { gaApiSecretStandIn: standIn });
  const hide = (text: string) => (standIn ? text.replaceAll(standIn, MASK) : text);
  return {
    method: rendered.method,
    url: hide(rendered.url),
    headers: rendered.headers.map((header) => ({ ...header, value: hide(header.value) })),
    body: hide(rendered.body ? new TextDecoder().decode(rendered.body) : ""),
    curl: hide(toCurl(rendered)),
  };
}
