import { WizardSkeleton } from "@/components/webhooks/skeletons";

export default function Loading() {
  return <WizardSkeleton />;
}
