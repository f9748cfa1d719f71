/** A determinate progress bar; the label names what progresses for screen readers. */
export function ProgressBar({
  value,
  max,
  label,
  tone = "brand",
}: {
  value: number;
  max: number;
  label: string;
  tone?: "brand" | "green" | "amber";
}) {
  const percent = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 100;
  const color = { brand: "bg-brand-600", green: "bg-emerald-500", amber: "bg-amber-500" }[tone];
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div
        className={`h-full rounded-full transition-[width] duration-500 ${color}`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
