"use client";

import { useTranslations } from "next-intl";
import { useCatalogWords } from "@/components/i18n/use-catalog-words";
import { Badge } from "@/components/ui/badge";
import { ArrowDownIcon, ArrowUpIcon, ChevronIcon, TrashIcon } from "@/components/ui/icons";
import { RequestTarget } from "../request-target";

const ICON_BUTTON =
  "rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-30";

/** A request's title line: collapse, where it goes, and move up/down/remove. */
export function RequestCardHeader({
  index,
  count,
  open,
  onToggle,
  headingId,
  bodyId,
  method,
  url,
  paused,
  readOnly,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  open: boolean;
  onToggle: () => void;
  headingId: string;
  bodyId: string;
  method: string;
  url: string;
  paused?: { at: string; reason: string };
  readOnly: boolean;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("requestCard");
  const { pausedReason } = useCatalogWords();
  const number = index + 1;
  return (
    <header className="flex items-center gap-3 border-b border-slate-100 px-4 py-3">
      <button
        type="button"
        onClick={onToggle}
        aria-expanded={open}
        aria-controls={bodyId}
        aria-label={open ? t("collapse", { number }) : t("expand", { number })}
        className="rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <ChevronIcon className={`size-4 transition ${open ? "" : "-rotate-90"}`} />
      </button>
      <h3 id={headingId} className="shrink-0 text-sm font-semibold text-slate-900">
        {t("title", { number })}
      </h3>
      <div className="min-w-0 flex-1">
        {url ? (
          <RequestTarget request={{ method, url }} compact />
        ) : (
          <p className="text-xs text-slate-400">{t("noDirection")}</p>
        )}
      </div>
      {paused ? (
        <span title={pausedReason(paused.reason)}>
          <Badge tone="amber">{t("paused")}</Badge>
        </span>
      ) : null}
      {readOnly ? null : (
        <div className="flex shrink-0 items-center gap-0.5">
          <button
            type="button"
            onClick={() => onMove(index - 1)}
            disabled={index === 0}
            aria-label={t("moveUp", { number })}
            className={ICON_BUTTON}
          >
            <ArrowUpIcon />
          </button>
          <button
            type="button"
            onClick={() => onMove(index + 1)}
            disabled={index === count - 1}
            aria-label={t("moveDown", { number })}
            className={ICON_BUTTON}
          >
            <ArrowDownIcon />
          </button>
          <button
            type="button"
            onClick={onRemove}
            disabled={count === 1}
            aria-label={t("remove", { number })}
            title={count === 1 ? t("lastOne") : t("removeTitle")}
            className={`${ICON_BUTTON} hover:bg-red-50 hover:text-red-600`}
          >
            <TrashIcon />
          </button>
        </div>
      )}
    </header>
  );
}
