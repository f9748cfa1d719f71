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

const projectNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a project name")
  .max(100, "Use at most 100 characters")
  .refine(isSingleLineText, SINGLE_LINE_MESSAGE);

export const projectCreateSchema = z.object({ name: projectNameSchema }).strict();

export const projectSettingsSchema = z
  .object({
    name: projectNameSchema,
    timeZone: z
      .string()
      .trim()
      .min(1, "Choose a time zone")
      .refine(isValidTimeZone, "Unknown time zone; use an IANA name like Europe/Kyiv"),
    gaMeasurementId: z
      .string()
      .trim()
      .max(40, "Use at most 40 characters")
      .regex(/^(G-[A-Z0-9]+)?$/, "A GA4 measurement id looks like G-XXXXXXXXXX"),
    gaApiSecret: z
      .string()
      .trim()
      .max(100, "Use at most 100 characters")
      .regex(/^[\w-]*$/, "Use only letters, digits, _ and -"),
  })
  .strict();

export type ProjectCreateInput = z.input<typeof projectCreateSchema>;
export type ProjectSettingsInput = z.input<typeof projectSettingsSchema>;
