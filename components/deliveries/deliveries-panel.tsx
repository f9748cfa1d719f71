"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SegmentedControl } from "@/components/ui/segmented-control";
import type { DeliveryFilter, DeliveryListItem, ResendBatch } from "@/lib/delivery-log/contract";
import { DeliveriesTable } from "./deliveries-table";
import { DeliveryDrawer } from "./delivery-drawer";
import { filterQuery, type View } from "./filter-state";
import { CheckCircleIcon, ResendIcon } from "./icons";
import { ListFooter, ListStatus } from "./list-parts";
import { ResendProgress } from "./resend-progress";
import { type InitialPage, useDeliveryList, useMarkChecked, useResend } from "./use-deliveries";

type Props = {
  projectId: string;
  canEdit: boolean;
  timeZone: string;
  /** The filter the list shows: the URL's, plus what the page fixes (an event, all results). */
  filter: DeliveryFilter;
  /** One cache scope per page, so the error check and a delivery log never share a list. */
  scope: string;
  initial: InitialPage;
  view: View;
  onViewChange: (view: View) => void;
  filtered: boolean;
  onResetFilters: () => void;
  /** Selection and "all matching" actions: the error check page. */
  bulk: boolean;
  showEvent: boolean;
  /** The count with what a row is: "3 failed webhooks", "1 delivery". */
  noun: (count: number) => string;
  caption: string;
  empty: { title: string; text: string };
};

type BulkConfirm = { kind: "resend" | "check"; count: number } | null;

/** The list of deliveries with its actions, its drawer and the progress of a Send again. */
export function DeliveriesPanel({
  projectId,
  canEdit,
  timeZone,
  filter,
  scope,
  initial,
  view,
  onViewChange,
  filtered,
  onResetFilters,
  bulk,
  showEvent,
  noun,
  caption,
  empty,
}: Props) {
  const t = useTranslations("list");
  const list = useDeliveryList(projectId, scope, filter, initial);
  const query = filterQuery(filter);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;

  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [opened, setOpened] = useState<DeliveryListItem | null>(null);
  const [batch, setBatch] = useState<ResendBatch | null>(null);
  const [confirm, setConfirm] = useState<BulkConfirm>(null);

  // A new filter is a new list: a selection of rows no longer shown would act blindly.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query string is the trigger
  useEffect(() => setSelected(new Set()), [query]);

  const resend = useResend(projectId, (started) => {
    setBatch(started);
    setSelected(new Set());
  });
  const { mark } = useMarkChecked(projectId);
  const selectedIds = items.filter((d) => selected.has(d.id)).map((d) => d.id);
  const selectable = bulk && canEdit;

  function checkIds(ids: string[]) {
    mark.mutate({ ids });
    setSelected((s) => new Set([...s].filter((id) => !ids.includes(id))));
  }

  return (
    <>
      {batch ? (
        <ResendProgress projectId={projectId} started={batch} onDismiss={() => setBatch(null)} />
      ) : null}

      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
        <div className="flex min-h-14 flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-2.5">
          {selectable && selectedIds.length > 0 ? (
            <div className="flex flex-wrap items-center gap-2" data-testid="selection-bar">
              <span className="text-sm font-medium text-slate-900 tabular-nums">
                {t("selected", { count: selectedIds.length })}
              </span>
              <Button
                variant="secondary"
                onClick={() => resend.mutate({ ids: selectedIds })}
                pending={resend.isPending}
              >
                <ResendIcon />
                {t("sendAgain")}
              </Button>
              <Button variant="secondary" onClick={() => checkIds(selectedIds)}>
                <CheckCircleIcon />
                {t("markChecked")}
              </Button>
              <Button variant="ghost" onClick={() => setSelected(new Set())}>
                {t("clearSelection")}
              </Button>
            </div>
          ) : (
            <ListStatus
              total={total}
              loaded={items.length}
              filtered={filtered}
              fetching={list.isFetching}
              noun={noun}
            />
          )}
          <div className="flex flex-wrap items-center gap-1.5">
            {selectable && selectedIds.length === 0 && total > 0 ? (
              <>
                <Button
                  variant="ghost"
                  onClick={() => setConfirm({ kind: "resend", count: total })}
                >
                  <ResendIcon />
                  {t("sendAllAgain")}
                </Button>
                <Button variant="ghost" onClick={() => setConfirm({ kind: "check", count: total })}>
                  <CheckCircleIcon />
                  {t("markAllChecked")}
                </Button>
              </>
            ) : null}
            <SegmentedControl<View>
              label={t("rowDetail")}
              value={view}
              onChange={onViewChange}
              options={[
                { value: "short", label: t("short") },
                { value: "full", label: t("full") },
              ]}
            />
          </div>
        </div>

        {list.isError ? (
          <div className="p-4">
            <Alert tone="error">{t("loadFailed", { message: list.error.message })}</Alert>
          </div>
        ) : null}

        <div
          className={`transition-opacity ${list.isPlaceholderData ? "opacity-60" : ""}`}
          aria-busy={list.isFetching}
        >
          {items.length === 0 && list.isSuccess && !list.isPlaceholderData ? (
            <EmptyState filtered={filtered} empty={empty} onReset={onResetFilters} />
          ) : (
            <DeliveriesTable
              items={items}
              timeZone={timeZone}
              view={view}
              caption={caption}
              showEvent={showEvent}
              onOpen={setOpened}
              selection={
                selectable
                  ? {
                      selected,
                      onToggle: (id, on) =>
                        setSelected((s) => {
                          const next = new Set(s);
                          if (on) next.add(id);
                          else next.delete(id);
                          return next;
                        }),
                      onToggleAll: (on) =>
                        setSelected(on ? new Set(items.map((d) => d.id)) : new Set()),
                    }
                  : undefined
              }
              actions={
                canEdit
                  ? {
                      onResend: (d) => resend.mutate({ ids: [d.id] }),
                      onCheck: (d) => checkIds([d.id]),
                    }
                  : undefined
              }
            />
          )}
        </div>
        <ListFooter list={list} loaded={items.length} total={total} />
      </div>

      <DeliveryDrawer
        projectId={projectId}
        delivery={opened}
        timeZone={timeZone}
        canEdit={canEdit}
        onClose={() => setOpened(null)}
        resending={resend.isPending}
        onResend={(id) => resend.mutate({ ids: [id] })}
        onCheck={(id) => {
          checkIds([id]);
          setOpened(null);
        }}
      />

      <ConfirmDialog
        open={confirm !== null}
        title={
          confirm?.kind === "resend"
            ? t("confirmResend", { count: confirm.count })
            : t("confirmCheck", { count: confirm?.count ?? 0 })
        }
        description={confirm?.kind === "resend" ? t("confirmResendText") : t("confirmCheckText")}
        confirmLabel={confirm?.kind === "resend" ? t("sendAllAgain") : t("markAllChecked")}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          if (confirm?.kind === "resend") resend.mutate({ filter });
          else mark.mutate({ filter });
          setConfirm(null);
        }}
      />
    </>
  );
}

function EmptyState({
  filtered,
  empty,
  onReset,
}: {
  filtered: boolean;
  empty: { title: string; text: string };
  onReset: () => void;
}) {
  const t = useTranslations("list");
  return (
    <div className="px-6 py-14 text-center" data-testid="empty-state">
      {filtered ? (
        <>
          <p className="text-base font-semibold text-slate-900">{t("nothingMatches")}</p>
          <p className="mt-1.5 text-sm text-slate-500">{t("widen")}</p>
          <Button variant="secondary" className="mt-4" onClick={onReset}>
            {t("clearFilters")}
          </Button>
        </>
      ) : (
        <>
          <p className="text-base font-semibold text-slate-900">{empty.title}</p>
          <p className="mx-auto mt-1.5 max-w-md text-sm text-slate-500">{empty.text}</p>
        </>
      )}
    </div>
  );
}
