"use client";

import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/**
 * A credential shown once, right after it was made (an API key, an invite link): what to do
 * with it, the value ready to select, Copy and Done. Nothing keeps it after Done.
 */
export function ShownOnce({
  testId,
  message,
  value,
  labels,
  onDone,
}: {
  testId: string;
  message: string;
  value: string;
  labels: { copy: string; copied: string; copyFailed: string; done: string };
  onDone: () => void;
}) {
  return (
    <div
      role="status"
      className="mt-5 rounded-lg border border-amber-200 bg-amber-50 p-4"
      data-testid={testId}
    >
      <p className="text-sm font-medium text-amber-900">{message}</p>
      <div className="mt-2 flex items-center gap-2">
        <code className="min-w-0 flex-1 select-all break-all rounded bg-white px-3 py-2 font-mono text-sm ring-1 ring-amber-200">
          {value}
        </code>
        <Button
          variant="secondary"
          onClick={() =>
            navigator.clipboard
              .writeText(value)
              .then(() => toast.success(labels.copied))
              .catch(() => toast.error(labels.copyFailed))
          }
        >
          {labels.copy}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {labels.done}
        </Button>
      </div>
    </div>
  );
}
