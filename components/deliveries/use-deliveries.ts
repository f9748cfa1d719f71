"use client";

import {
  type InfiniteData,
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { ActionResult } from "@/app/_actions/action-result";
import { markCheckedAction, resendAction, uncheckAction } from "@/app/_actions/deliveries";
import type {
  BulkTarget,
  DeliveryFilter,
  DeliveryPage,
  HourlyBucket,
  ResendBatch,
} from "@/lib/delivery-log/contract";
import { MAX_UNDO_IDS, withoutCursor } from "@/lib/delivery-log/filters";
import { deliveryKeys } from "@/lib/delivery-log/query-keys";
import {
  deliveryDetailSchema,
  deliveryPageSchema,
  hourlyCountsSchema,
  resendBatchSchema,
} from "@/lib/delivery-log/response-schemas";
import { fetchRead, readUrl } from "@/lib/http/fetch-read";
import { BATCH_POLL_MS, UNDO_MS } from "./constants";
import { filterQuery } from "./filter-state";

async function unwrap<T>(pending: Promise<ActionResult<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

// Reads are GETs to the API with the session cookie, not server actions: Next runs one
// client's actions one after another, so a poll would wait behind a slow Send again.
const DELIVERIES_PATH = "/api/v1/deliveries";

/** The first page as the server rendered it, used only for the query it was rendered for. */
export type InitialPage = { query: string; page: DeliveryPage; renderedAt: number };

/** One list per filter, 50 rows a page, "Load more" follows the keyset cursor. */
export function useDeliveryList(
  projectId: string,
  scope: string,
  filter: DeliveryFilter,
  initial: InitialPage | null,
) {
  const query = filterQuery(filter);
  const first = filter.cursor ?? null;
  const seeded = initial && initial.query === query ? initial : null;
  return useInfiniteQuery({
    queryKey: deliveryKeys.list(projectId, scope, query),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(query);
      if (pageParam) params.set("cursor", pageParam);
      return fetchRead(readUrl(DELIVERIES_PATH, projectId, params), deliveryPageSchema, signal);
    },
    initialPageParam: first,
    getNextPageParam: (last: DeliveryPage) => last.nextCursor,
    initialData: seeded ? { pages: [seeded.page], pageParams: [first] } : undefined,
    initialDataUpdatedAt: seeded?.renderedAt,
    // A new filter keeps the old rows on screen (dimmed) until its own arrive.
    placeholderData: keepPreviousData,
  });
}

export function useDeliveryDetail(projectId: string, deliveryId: string | null) {
  return useQuery({
    queryKey: deliveryKeys.detail(projectId, deliveryId ?? ""),
    queryFn: ({ signal }) =>
      fetchRead(
        readUrl(`${DELIVERIES_PATH}/${encodeURIComponent(deliveryId ?? "")}`, projectId),
        deliveryDetailSchema,
        signal,
      ),
    enabled: deliveryId !== null,
    staleTime: 0,
    // While a delivery is on its way, its drawer follows it.
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === "pending" || status === "sending" ? 1_500 : false;
    },
  });
}

export function useHourlyCounts(
  projectId: string,
  range: { from: string; to: string; eventId?: string },
  seed: { buckets: HourlyBucket[]; renderedAt: number } | null,
) {
  return useQuery({
    queryKey: deliveryKeys.hourly(projectId, range),
    queryFn: async ({ signal }) => {
      const url = readUrl(`${DELIVERIES_PATH}/hourly`, projectId, range);
      return (await fetchRead(url, hourlyCountsSchema, signal)).buckets;
    },
    initialData: seed?.buckets,
    initialDataUpdatedAt: seed?.renderedAt,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

/**
 * Checked rows leave the lists that hide checked ones at once, before the server confirms; the
 * refetch that follows puts them back if it refused.
 */
async function hideRows(queryClient: QueryClient, projectId: string, ids: ReadonlySet<string>) {
  const prefix = deliveryKeys.lists(projectId);
  await queryClient.cancelQueries({ queryKey: prefix });
  for (const [key, data] of queryClient.getQueriesData<InfiniteData<DeliveryPage>>({
    queryKey: prefix,
  })) {
    const params = new URLSearchParams(String(key[key.length - 1] ?? ""));
    const keepsChecked = params.get("includeChecked") === "true" || params.get("result") === "all";
    if (!data || keepsChecked) continue;
    let removed = 0;
    const pages = data.pages.map((page) => {
      const items = page.items.filter((item) => !ids.has(item.id));
      removed += page.items.length - items.length;
      return { ...page, items };
    });
    queryClient.setQueryData<InfiniteData<DeliveryPage>>(key, {
      ...data,
      pages: pages.map((page) => ({ ...page, total: Math.max(0, page.total - removed) })),
    });
  }
}

export function isBatchDone(batch: ResendBatch): boolean {
  return batch.pending === 0;
}

/** The progress of a resend batch, asked every second until nothing is pending. */
export function useResendBatch(projectId: string, batchId: string | null) {
  return useQuery({
    queryKey: deliveryKeys.resendBatch(projectId, batchId ?? ""),
    queryFn: ({ signal }) =>
      fetchRead(
        readUrl(
          `${DELIVERIES_PATH}/resend-batches/${encodeURIComponent(batchId ?? "")}`,
          projectId,
        ),
        resendBatchSchema,
        signal,
      ),
    enabled: batchId !== null,
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.data && isBatchDone(query.state.data) ? false : BATCH_POLL_MS,
  });
}

/** Wire form of a bulk target: the server re-parses the filter, without any cursor. */
function wireTarget(target: BulkTarget) {
  return "ids" in target ? { ids: target.ids } : { filter: withoutCursor(target.filter) };
}

export function useResend(projectId: string, onStarted: (batch: ResendBatch) => void) {
  const t = useTranslations("deliveryToasts");
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: BulkTarget) => unwrap(resendAction(projectId, wireTarget(target))),
    onSuccess: (batch) => {
      queryClient.setQueryData(deliveryKeys.resendBatch(projectId, batch.id), batch);
      onStarted(batch);
    },
    onError: (error) => toast.error(t("notResent", { message: error.message })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all(projectId) }),
  });
}

/**
 * Checked takes the rows out of the list at once and offers Undo for 10 seconds; Undo puts the
 * very rows that were marked back (not "whatever matches now").
 */
export function useMarkChecked(projectId: string) {
  const t = useTranslations("deliveryToasts");
  const queryClient = useQueryClient();
  const router = useRouter();
  const undo = useMutation({
    mutationFn: (ids: string[]) => unwrap(uncheckAction(projectId, ids)),
    onSuccess: (_data, ids) => toast.success(t("backInList", { count: ids.length })),
    onError: (error) => toast.error(t("undoFailed", { message: error.message })),
    onSettled: () => {
      queryClient.invalidateQueries({ queryKey: deliveryKeys.all(projectId) });
      router.refresh();
    },
  });
  const mark = useMutation({
    mutationFn: (target: BulkTarget) => unwrap(markCheckedAction(projectId, wireTarget(target))),
    onMutate: async (target) => {
      if ("ids" in target) await hideRows(queryClient, projectId, new Set(target.ids));
    },
    onSuccess: ({ ids }) => {
      if (ids.length === 0) {
        toast.info(t("nothingToMark"));
        return;
      }
      const message = t("marked", { count: ids.length });
      if (ids.length > MAX_UNDO_IDS) {
        toast.success(message);
        return;
      }
      toast.success(message, {
        duration: UNDO_MS,
        action: { label: t("undo"), onClick: () => undo.mutate(ids) },
      });
    },
    onError: (error) => toast.error(t("notMarked", { message: error.message })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all(projectId) }),
  });
  return { mark, undo };
}
