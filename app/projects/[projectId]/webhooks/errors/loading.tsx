import { ErrorCheckSkeleton } from "@/components/errors/skeletons";

export default function Loading() {
  return <ErrorCheckSkeleton title="Loading the webhook error check" />;
}
