"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/_actions/project-settings";
import { useServerForm } from "@/components/forms/use-server-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formatDateTime } from "@/lib/format-date";
import { apiKeyCreateSchema } from "@/lib/projects/schemas";
import type { ApiKeyDto } from "@/lib/projects/serializers";

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
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const { form, onSubmit, pending } = useServerForm(
    apiKeyCreateSchema,
    async (values) => {
      const result = await createApiKeyAction(projectId, values);
      if (result.ok) {
        setCreated({ key: result.data.key, name: result.data.apiKey.name });
        form.reset({ name: "" });
      }
      return result;
    },
    { defaultValues: { name: "" } },
  );
  const [revoking, startRevoke] = useTransition();

  function revoke(key: ApiKeyDto) {
    if (
      !window.confirm(
        `Revoke the key “${key.name}” (${key.prefix}…)? Requests using it will be refused.`,
      )
    )
      return;
    startRevoke(async () => {
      const result = await revokeApiKeyAction(projectId, key.id);
      if (result.ok) toast.success(`Key “${key.name}” revoked`);
      else toast.error(result.message);
    });
  }

  return (
    <Card
      title="API keys"
      description={
        <>
          The telephony platform and API clients send a key in the{" "}
          <code className="font-mono">Auth-key</code> header.
        </>
      }
    >
      {canEdit ? (
        <form onSubmit={onSubmit} noValidate className="flex items-start gap-3">
          <Field
            label="Key name"
            placeholder="e.g. Telephony, CRM"
            className="w-72"
            error={form.formState.errors.name?.message}
            {...form.register("name")}
          />
          <Button type="submit" pending={pending} className="mt-6.5">
            Create key
          </Button>
        </form>
      ) : null}

      {created ? (
        <div
          role="status"
          className="mt-5 rounded-lg border border-amber-200 bg-amber-50 p-4"
          data-testid="new-api-key"
        >
          <p className="text-sm font-medium text-amber-900">
            Copy the key “{created.name}” now: it is shown only once.
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code className="min-w-0 flex-1 select-all break-all rounded bg-white px-3 py-2 font-mono text-sm ring-1 ring-amber-200">
              {created.key}
            </code>
            <Button
              variant="secondary"
              onClick={() =>
                navigator.clipboard
                  .writeText(created.key)
                  .then(() => toast.success("Key copied"))
                  .catch(() => toast.error("Copy failed; select the key and copy it"))
              }
            >
              Copy
            </Button>
            <Button variant="ghost" onClick={() => setCreated(null)}>
              Done
            </Button>
          </div>
        </div>
      ) : null}

      {apiKeys.length === 0 ? (
        <p className="mt-5 text-sm text-slate-500">No keys yet.</p>
      ) : (
        <table className="mt-5 w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                Name
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Key
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Created
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Last used
              </th>
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {apiKeys.map((key) => (
              <tr key={key.id} data-testid="api-key-row">
                <td className="py-2.5 pr-4 font-medium text-slate-800">{key.name}</td>
                <td className="py-2.5 pr-4 font-mono text-xs text-slate-600">{key.prefix}…</td>
                <td className="py-2.5 pr-4 text-slate-600">
                  {formatDateTime(key.createdAt, timeZone)}
                </td>
                <td className="py-2.5 pr-4 text-slate-600">
                  {key.lastUsedAt ? formatDateTime(key.lastUsedAt, timeZone) : "Never"}
                </td>
                <td className="py-2.5 text-right">
                  {key.revokedAt ? (
                    <Badge tone="red">Revoked</Badge>
                  ) : canEdit ? (
                    <Button variant="danger" pending={revoking} onClick={() => revoke(key)}>
                      Revoke
                    </Button>
                  ) : (
                    <Badge tone="green">Active</Badge>
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
