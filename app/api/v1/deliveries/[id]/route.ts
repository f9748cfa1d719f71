import { getDeliveryDetail } from "@/lib/delivery-log/detail";
import { apiKeyRoute, ID_PARAMS, json } from "@/lib/http/route";

export const GET = apiKeyRoute(
  { params: ID_PARAMS, resource: "Delivery" },
  async ({ project, params }) => json(await getDeliveryDetail(project.id, params.id)),
);
