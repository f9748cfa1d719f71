import { SkeletonBar as Bar } from "@/components/ui/skeleton-bar";

/** Shown while the error check page or a delivery log loads. */
export function ErrorCheckSkeleton({ title, chart = true }: { title: string; chart?: boolean }) {
  return (
    <div role="status" aria-busy="true" aria-label={title} className="space-y-5">
      <div className="space-y-2">
        <Bar className="h-7 w-56" />
        <Bar className="h-4 w-[28rem] max-w-full" />
      </div>
      {chart ? <div className="h-52 rounded-xl border border-slate-200 bg-white" /> : null}
      <div className="h-24 rounded-xl border border-slate-200 bg-white" />
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
        <div className="h-12 border-b border-slate-200" />
        <div className="h-10 border-b border-slate-200 bg-slate-50" />
        {[0, 1, 2, 3].map((row) => (
          <div key={row} className="flex gap-6 border-b border-slate-100 px-4 py-5 last:border-0">
            <Bar className="h-4 w-20" />
            <Bar className="h-4 flex-1" />
            <Bar className="h-4 w-24" />
            <Bar className="h-4 w-24" />
          </div>
        ))}
      </div>
    </div>
  );
}
