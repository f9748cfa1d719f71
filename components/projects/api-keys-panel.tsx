"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Controller } from "react-hook-form";
import { toast } from "sonner";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/_actions/project-settings";
import { useServerForm } from "@/components/forms/use-server-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { ShownOnce } from "@/components/ui/shown-once";
import {
  API_KEY_SCOPES,
  type ApiKeyDto,
  type ApiKeyScope,
  apiKeyCreateSchema,
  DEFAULT_API_KEY_SCOPES,
} from "@/lib/auth/api-key-scopes";
import { formatDateTime } from "@/lib/format-date";

const NEW_KEY = { name: "", scopes: [...DEFAULT_API_KEY_SCOPES] };

export function ApiKeysPanel({
  projectId,
  apiKeys,
  canEdit,
  timeZone,
}: {
  projectId: string;
  apiKeys: ApiKeyDto[];
  canEdit: boolean;
  timeZone: string;
}) {
  const t = useTranslations("settings.keys");
  const locale = useLocale();
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const { form, onSubmit, pending } = useServerForm(
    apiKeyCreateSchema,
    async (values) => {
      const result = await createApiKeyAction(projectId, values);
      if (result.ok) {
        setCreated({ key: result.data.key, name: result.data.apiKey.name });
        form.reset(NEW_KEY);
      }
      return result;
    },
    { defaultValues: NEW_KEY },
  );
  const [revoking, startRevoke] = useTransition();

  function revoke(key: ApiKeyDto) {
    if (!window.confirm(t("confirmRevoke", { name: key.name, prefix: key.prefix }))) return;
    startRevoke(async () => {
      const result = await revokeApiKeyAction(projectId, key.id);
      if (result.ok) toast.success(t("revoked", { name: key.name }));
      else toast.error(result.message);
    });
  }

  return (
    <Card
      title={t("title")}
      description={t.rich("description", {
        code: (chunks) => <code className="font-mono">{chunks}</code>,
      })}
    >
      {canEdit ? (
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <Field
            label={t("name")}
            placeholder={t("namePlaceholder")}
            className="w-72"
            error={form.formState.errors.name?.message}
            {...form.register("name")}
          />
          <Controller
            control={form.control}
            name="scopes"
            render={({ field, fieldState }) => (
              <ScopePicker
                value={field.value?.[0] ?? "admin"}
                onChange={(scope) => field.onChange([scope])}
                error={fieldState.error?.message}
              />
            )}
          />
          <Button type="submit" pending={pending}>
            {t("create")}
          </Button>
        </form>
      ) : null}

      {created ? (
        <ShownOnce
          testId="new-api-key"
          message={t("copyNow", { name: created.name })}
          value={created.key}
          labels={{
            copy: t("copy"),
            copied: t("copied"),
            copyFailed: t("copyFailed"),
            done: t("done"),
          }}
          onDone={() => setCreated(null)}
        />
      ) : null}

      {apiKeys.length === 0 ? (
        <p className="mt-5 text-sm text-slate-500">{t("none")}</p>
      ) : (
        <table className="mt-5 w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("columnName")}
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("key")}
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("scope")}
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("created")}
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("lastUsed")}
              </th>
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {apiKeys.map((key) => (
              <tr key={key.id} data-testid="api-key-row">
                <td className="py-2.5 pr-4 font-medium text-slate-800">{key.name}</td>
                <td className="py-2.5 pr-4 font-mono text-xs text-slate-600">{key.prefix}…</td>
                <td className="py-2.5 pr-4" data-testid="api-key-scopes">
                  <span className="flex flex-wrap gap-1">
                    {key.scopes.map((scope) => (
                      <Badge key={scope} tone={scope === "admin" ? "amber" : "blue"}>
                        {t(`scopes.${scope}.label`)}
                      </Badge>
                    ))}
                  </span>
                </td>
                <td className="py-2.5 pr-4 text-slate-600">
                  {formatDateTime(key.createdAt, timeZone, locale)}
                </td>
                <td className="py-2.5 pr-4 text-slate-600">
                  {key.lastUsedAt ? formatDateTime(key.lastUsedAt, timeZone, locale) : t("never")}
                </td>
                <td className="py-2.5 text-right">
                  {key.revokedAt ? (
                    <Badge tone="red">{t("revokedBadge")}</Badge>
                  ) : canEdit ? (
                    <Button variant="danger" pending={revoking} onClick={() => revoke(key)}>
                      {t("revoke")}
                    </Button>
                  ) : (
                    <Badge tone="green">{t("active")}</Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

/** One scope per key: admin already includes ingest, so a choice of two says it all. */
function ScopePicker({
  value,
  onChange,
  error,
}: {
  value: ApiKeyScope;
  onChange: (scope: ApiKeyScope) => void;
  error?: string;
}) {
  const t = useTranslations("settings.keys");
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{t("scope")}</legend>
      <div className="mt-1.5 grid max-w-2xl gap-2 sm:grid-cols-2">
        {API_KEY_SCOPES.map((scope) => (
          <label
            key={scope}
            className="flex cursor-pointer gap-2.5 rounded-lg p-3 ring-1 ring-slate-200 ring-inset has-checked:bg-brand-50 has-checked:ring-brand-600"
          >
            <input
              type="radio"
              name="api-key-scope"
              value={scope}
              checked={value === scope}
              onChange={() => onChange(scope)}
              className="mt-0.5 accent-brand-600"
            />
            <span>
              <span className="block text-sm font-medium text-slate-800">
                {t(`scopes.${scope}.label`)}
              </span>
              <span className="block text-xs text-slate-500">
                {t(`scopes.${scope}.description`)}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error ? <p className="mt-1 text-xs text-red-600">{error}</p> : null}
    </fieldset>
  );
}
