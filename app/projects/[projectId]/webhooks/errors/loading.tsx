import { getTranslations } from "next-intl/server";
import { ErrorCheckSkeleton } from "@/components/deliveries/skeletons";

export default async function Loading() {
  const t = await getTranslations("loading");
  return <ErrorCheckSkeleton title={t("errorCheck")} />;
}
