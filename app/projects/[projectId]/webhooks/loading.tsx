import { EventsTableSkeleton } from "@/components/webhooks/skeletons";

export default function Loading() {
  return <EventsTableSkeleton />;
}
