import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_lib/session";

export const metadata: Metadata = { title: "Webhook error check" };

export default async function ErrorCheckPage({
  params,
}: {
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  await requireProjectPage(projectId);
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Webhook error check</h1>
      <div className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
        <p className="font-medium text-slate-800">No failed webhooks yet</p>
        <p className="mt-1 text-sm text-slate-500">
          Webhooks whose delivery fails after all retries will be listed here to inspect, resend or
          mark checked.
        </p>
      </div>
    </div>
  );
}
