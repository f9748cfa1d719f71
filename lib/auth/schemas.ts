import { z } from "zod";
import { isSingleLineText, SINGLE_LINE_MESSAGE } from "../model/text";

export const PASSWORD_MIN_LENGTH = 12;

/** The account forms' messages, by their key in messages/*.json (`validation.<key>`). */
export const AUTH_MESSAGES = {
  emailRequired: "Enter an email",
  emailTooLong: "Email is too long",
  emailInvalid: "Enter a valid email, like admin@example.com",
  projectNameRequired: "Enter a project name",
  passwordRequired: "Enter your password",
  inviteRoleChoice: "Choose admin or viewer",
  memberRoleChoice: "Choose owner, admin or viewer",
  yourNameRequired: "Enter your name",
} as const;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, AUTH_MESSAGES.emailRequired)
  .max(254, AUTH_MESSAGES.emailTooLong)
  .pipe(z.email(AUTH_MESSAGES.emailInvalid));

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "Use at most 200 characters");

export const setupSchema = z
  .object({
    email: emailSchema,
    password: passwordSchema,
    projectName: z
      .string()
      .trim()
      .min(1, AUTH_MESSAGES.projectNameRequired)
      .max(100, "Use at most 100 characters")
      .refine(isSingleLineText, SINGLE_LINE_MESSAGE),
  })
  .strict();

export const loginSchema = z
  .object({
    email: emailSchema,
    password: z
      .string()
      .min(1, AUTH_MESSAGES.passwordRequired)
      .max(200, "Use at most 200 characters"),
  })
  .strict();

export type SetupInput = z.input<typeof setupSchema>;
export type LoginInput = z.input<typeof loginSchema>;

/** Roles an invite may carry: owners are made from members, by an owner (see members.ts). */
export const INVITE_ROLES = ["admin", "viewer"] as const;

export const inviteCreateSchema = z
  .object({
    email: emailSchema,
    role: z.enum(INVITE_ROLES, AUTH_MESSAGES.inviteRoleChoice),
  })
  .strict();

export const memberRoleSchema = z
  .object({ role: z.enum(["owner", "admin", "viewer"], AUTH_MESSAGES.memberRoleChoice) })
  .strict();

/** What a new person sets when they accept an invite; the email is the invite's. */
export const inviteSignUpSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, AUTH_MESSAGES.yourNameRequired)
      .max(100, "Use at most 100 characters")
      .refine(isSingleLineText, SINGLE_LINE_MESSAGE),
    password: passwordSchema,
  })
  .strict();

/** What a person with an account types to accept an invite while signed out. */
export const inviteSignInSchema = z
  .object({
    password: z
      .string()
      .min(1, AUTH_MESSAGES.passwordRequired)
      .max(200, "Use at most 200 characters"),
  })
  .strict();

export type InviteCreateInput = z.input<typeof inviteCreateSchema>;
export type MemberRoleInput = z.input<typeof memberRoleSchema>;
export type InviteSignUpInput = z.input<typeof inviteSignUpSchema>;
export type InviteSignInInput = z.input<typeof inviteSignInSchema>;
