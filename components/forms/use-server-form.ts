"use client";

import { useState, useTransition } from "react";
import { type FieldValues, type Path, type UseFormProps, useForm } from "react-hook-form";
import type { z } from "zod";
import { useIssueText } from "@/components/i18n/use-issue-text";
import { translatedResolver } from "./translated-resolver";

type ServerResult =
  | { ok: true }
  | { ok: false; message: string; fieldErrors: Record<string, string> };

/**
 * react-hook-form bound to a zod schema, submitting to a server action: the same schema checks
 * on both sides, and the server's field messages land on the same fields.
 */
export function useServerForm<TSchema extends z.ZodType<FieldValues, FieldValues>>(
  schema: TSchema,
  action: (values: z.input<TSchema>) => Promise<ServerResult | undefined>,
  options?: Omit<UseFormProps<z.input<TSchema>, unknown, z.output<TSchema>>, "resolver">,
) {
  const issueText = useIssueText();
  const form = useForm<z.input<TSchema>, unknown, z.output<TSchema>>({
    ...options,
    // Messages in the interface language; the server's come translated the same way.
    resolver: translatedResolver((values) => schema.safeParseAsync(values), issueText),
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const onSubmit = form.handleSubmit(
    (values) =>
      new Promise<void>((resolve) => {
        startTransition(async () => {
          setFormError(null);
          const result = await action(values as z.input<TSchema>);
          if (result && !result.ok) {
            let placed = false;
            for (const [field, message] of Object.entries(result.fieldErrors)) {
              if (field in form.getValues()) {
                form.setError(field as Path<z.input<TSchema>>, { type: "server", message });
                placed = true;
              }
            }
            if (!placed) setFormError(result.message);
          }
          resolve();
        });
      }),
  );

  return {
    form,
    onSubmit,
    pending: pending || form.formState.isSubmitting,
    formError,
    setFormError,
  };
}
