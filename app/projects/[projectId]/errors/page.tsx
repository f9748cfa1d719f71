import { redirect } from "next/navigation";

/**
 * The error check moved under Webhooks. Old links and bookmarks land on the new page with their
 * query string; the old `event` parameter is the new `eventId`.
 */
export default async function OldErrorCheckPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { projectId } = await params;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    const name = key === "event" ? "eventId" : key;
    for (const item of Array.isArray(value) ? value : [value ?? ""]) query.append(name, item);
  }
  const search = query.toString();
  redirect(
    `/projects/${encodeURIComponent(projectId)}/webhooks/errors${search ? `?${search}` : ""}`,
  );
}
