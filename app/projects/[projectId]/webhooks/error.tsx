"use client";

import { Button } from "@/components/ui/button";

/** A failure while loading a Webhooks page; the account's navigation stays usable. */
export default function WebhooksError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="rounded-xl border border-red-200 bg-white px-6 py-12 text-center">
      <p className="font-semibold text-slate-900">The webhooks could not be loaded</p>
      <p className="mt-1 text-sm text-slate-500">
        Something went wrong on our side. Try again; if it keeps failing, contact support.
      </p>
      <Button className="mt-5" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
