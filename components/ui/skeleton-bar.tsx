/** A grey placeholder bar, shaped by `className`, while the real content loads. */
export function SkeletonBar({ className }: { className: string }) {
  return <div className={`animate-pulse rounded bg-slate-200 ${className}`} />;
}
