import { markDeliveryChecked } from "@/lib/delivery-log/actions";
import { apiKeyRoute, ID_PARAMS, json } from "@/lib/http/route";

export const POST = apiKeyRoute(
  { params: ID_PARAMS, resource: "Delivery" },
  async ({ project, params }) => json(await markDeliveryChecked(project.id, params.id, null)),
);
