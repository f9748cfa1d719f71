import { ErrorCheckSkeleton } from "@/components/deliveries/skeletons";

export default function Loading() {
  return <ErrorCheckSkeleton title="Loading the delivery log" />;
}
