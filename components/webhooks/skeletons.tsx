import { useTranslations } from "next-intl";
import { SkeletonBar as Bar } from "@/components/ui/skeleton-bar";

/** Shown while the events table loads. */
export function EventsTableSkeleton() {
  const t = useTranslations("loading");
  return (
    <div role="status" aria-busy="true" aria-label={t("webhooks")}>
      <div className="mb-6 flex items-end justify-between">
        <div className="space-y-2">
          <Bar className="h-7 w-40" />
          <Bar className="h-4 w-96" />
        </div>
        <Bar className="h-9 w-28" />
      </div>
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
        <div className="h-10 border-b border-slate-200 bg-slate-50" />
        {[0, 1, 2].map((row) => (
          <div key={row} className="flex gap-6 border-b border-slate-100 px-4 py-5 last:border-0">
            <Bar className="h-4 w-32" />
            <Bar className="h-4 w-28" />
            <Bar className="h-4 flex-1" />
            <Bar className="h-4 w-20" />
            <Bar className="h-4 w-20" />
          </div>
        ))}
      </div>
    </div>
  );
}

/** Shown while the event wizard loads. */
export function WizardSkeleton() {
  const t = useTranslations("loading");
  return (
    <div role="status" aria-busy="true" aria-label={t("event")}>
      <Bar className="mb-3 h-4 w-32" />
      <Bar className="mb-6 h-7 w-64" />
      <div className="mb-5 grid grid-cols-2 gap-3">
        <Bar className="h-16" />
        <Bar className="h-16" />
      </div>
      <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-6">
        <Bar className="h-4 w-24" />
        <Bar className="h-9 w-full" />
        <Bar className="h-4 w-24" />
        <Bar className="h-9 w-full" />
      </div>
    </div>
  );
}
