"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  type TriggerGroupKey,
  triggerGroupOf,
  useTriggerLabel,
} from "@/components/i18n/use-trigger-label";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PlusIcon, SearchIcon } from "@/components/ui/icons";
import { TRIGGER_TYPES, type TriggerType } from "@/lib/model/trigger-types";
import type { WebhookEventSummary } from "@/lib/webhooks/summaries";
import { CopyEventDialog } from "./copy-event-dialog";
import { EventsTable } from "./events-table";
import { SendTestDialog } from "./send-test-dialog";
import { useDeleteEvent, useEvents, useToggleEvent } from "./use-events";
import { useSendTestEvent } from "./use-send-test";

/** Above this many rows the table gets a search box and a trigger filter. */
const FILTER_FROM = 10;
const GROUPS: TriggerGroupKey[] = ["incoming", "outgoing"];

type Props = { projectId: string; canEdit: boolean; timeZone: string };

export function EventsPage({ projectId, canEdit, timeZone }: Props) {
  const t = useTranslations("webhooks");
  const tTrigger = useTranslations("triggers");
  const triggerLabel = useTriggerLabel();
  const events = useEvents(projectId);
  const toggle = useToggleEvent(projectId);
  const remove = useDeleteEvent(projectId);
  const [copying, setCopying] = useState<WebhookEventSummary | null>(null);
  const [deleting, setDeleting] = useState<WebhookEventSummary | null>(null);
  const [testing, setTesting] = useState<WebhookEventSummary | null>(null);
  const sendTest = useSendTestEvent(projectId);
  const [search, setSearch] = useState("");
  const [trigger, setTrigger] = useState<TriggerType | "">("");

  const all = events.data ?? [];
  const filterable = all.length > FILTER_FROM;
  const needle = search.trim().toLowerCase();
  const shown = filterable
    ? all.filter(
        (e) =>
          (!needle || e.name.toLowerCase().includes(needle)) && (!trigger || e.type === trigger),
      )
    : all;

  return (
    <div>
      <div className="mb-6 flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-500">{t("intro")}</p>
        </div>
        {canEdit ? (
          <Link
            href={`/projects/${projectId}/webhooks/new`}
            className="inline-flex shrink-0 items-center gap-2 rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-xs transition hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            <PlusIcon />
            {t("add")}
          </Link>
        ) : null}
      </div>

      {events.isError ? (
        <div className="mb-4">
          <Alert tone="error">{t("loadFailed", { message: events.error.message })}</Alert>
        </div>
      ) : null}

      {filterable ? (
        <div className="mb-4 flex flex-wrap items-end gap-3">
          <div className="relative w-72">
            <label htmlFor="events-search" className="sr-only">
              {t("search")}
            </label>
            <SearchIcon className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-400" />
            <input
              id="events-search"
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              placeholder={t("search")}
              className="block w-full rounded-md border border-slate-300 bg-white py-2 pr-3 pl-9 text-sm shadow-xs outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
            />
          </div>
          <div>
            <label htmlFor="events-trigger" className="sr-only">
              {t("filterByEvent")}
            </label>
            <select
              id="events-trigger"
              value={trigger}
              onChange={(event) => setTrigger(event.target.value as TriggerType | "")}
              className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
            >
              <option value="">{t("allEvents")}</option>
              {GROUPS.map((group) => (
                <optgroup key={group} label={tTrigger(`group.${group}`)}>
                  {TRIGGER_TYPES.filter((type) => triggerGroupOf(type) === group).map((type) => (
                    <option key={type} value={type}>
                      {triggerLabel(type).label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <p className="pb-2 text-sm text-slate-500" aria-live="polite">
            {t("shownOf", { shown: shown.length, total: all.length })}
          </p>
        </div>
      ) : null}

      {all.length === 0 && events.isSuccess ? (
        <EmptyState projectId={projectId} canEdit={canEdit} />
      ) : (
        <EventsTable
          projectId={projectId}
          events={shown}
          canEdit={canEdit}
          timeZone={timeZone}
          onToggle={(event, enabled) => toggle.mutate({ event, enabled })}
          onCopy={setCopying}
          onDelete={setDeleting}
          onSendTest={(event) => {
            setTesting(event);
            sendTest.mutate(event.id);
          }}
          emptyMessage={filterable && shown.length === 0 ? t("noMatch") : null}
        />
      )}

      <CopyEventDialog projectId={projectId} event={copying} onClose={() => setCopying(null)} />
      <SendTestDialog
        open={testing !== null}
        onClose={() => {
          setTesting(null);
          sendTest.reset();
        }}
        title={testing ? t("sendTestTitle", { name: testing.name }) : t("sendTest")}
        description={t("sendTestDescription")}
        pending={sendTest.isPending}
        error={sendTest.error ? t("sendTestFailed", { message: sendTest.error.message }) : null}
        results={sendTest.data ?? []}
        onSendAgain={() => {
          if (testing) sendTest.mutate(testing.id);
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? t("deleteTitle", { name: deleting.name }) : t("deleteEvent")}
        description={t("deleteDescription")}
        confirmLabel={t("deleteEvent")}
        tone="danger"
        pending={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting, { onSettled: () => setDeleting(null) });
        }}
      />
    </div>
  );
}

function EmptyState({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const t = useTranslations("webhooks.empty");
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-14 text-center">
      <p className="text-base font-semibold text-slate-900">{t("title")}</p>
      <p className="mx-auto mt-1.5 max-w-lg text-sm text-slate-500">{t("body")}</p>
      {canEdit ? (
        <Link
          href={`/projects/${projectId}/webhooks/new`}
          className="mt-5 inline-flex items-center gap-2 rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-xs hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          <PlusIcon />
          {t("add")}
        </Link>
      ) : null}
    </div>
  );
}
