import { z } from "zod";
import { isSingleLineText, SINGLE_LINE_MESSAGE } from "../model/text";

export const PASSWORD_MIN_LENGTH = 12;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter an email")
  .max(254, "Email is too long")
  .pipe(z.email("Enter a valid email, like admin@example.com"));

export const setupSchema = z
  .object({
    email: emailSchema,
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
      .max(200, "Use at most 200 characters"),
    projectName: z
      .string()
      .trim()
      .min(1, "Enter a project name")
      .max(100, "Use at most 100 characters")
      .refine(isSingleLineText, SINGLE_LINE_MESSAGE),
  })
  .strict();

export const loginSchema = z
  .object({
    email: emailSchema,
    password: z.string().min(1, "Enter your password").max(200, "Use at most 200 characters"),
  })
  .strict();

export type SetupInput = z.input<typeof setupSchema>;
export type LoginInput = z.input<typeof loginSchema>;
