import { z } from "zod";
import { isSingleLineText, SINGLE_LINE_MESSAGE } from "../model/text";

export const DEFAULT_TIME_ZONE = "Europe/Kyiv";

export function isValidTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The project settings' messages, by their key in messages/*.json (`validation.<key>`). */
export const PROJECT_MESSAGES = {
  projectNameRequired: "Enter a project name",
  timeZoneRequired: "Choose a time zone",
  timeZoneUnknown: "Unknown time zone; use an IANA name like Europe/Kyiv",
  gaMeasurementId: "A GA4 measurement id looks like G-XXXXXXXXXX",
  gaApiSecretChars: "Use only letters, digits, _ and -",
} as const;

const projectNameSchema = z
  .string()
  .trim()
  .min(1, PROJECT_MESSAGES.projectNameRequired)
  .max(100, "Use at most 100 characters")
  .refine(isSingleLineText, SINGLE_LINE_MESSAGE);

export const projectCreateSchema = z.object({ name: projectNameSchema }).strict();

export const projectSettingsSchema = z
  .object({
    name: projectNameSchema,
    timeZone: z
      .string()
      .trim()
      .min(1, PROJECT_MESSAGES.timeZoneRequired)
      .refine(isValidTimeZone, PROJECT_MESSAGES.timeZoneUnknown),
    gaMeasurementId: z
      .string()
      .trim()
      .max(40, "Use at most 40 characters")
      .regex(/^(G-[A-Z0-9]+)?$/, PROJECT_MESSAGES.gaMeasurementId),
    gaApiSecret: z
      .string()
      .trim()
      .max(100, "Use at most 100 characters")
      .regex(/^[\w-]*$/, PROJECT_MESSAGES.gaApiSecretChars),
  })
  .strict();

export type ProjectCreateInput = z.input<typeof projectCreateSchema>;
export type ProjectSettingsInput = z.input<typeof projectSettingsSchema>;
