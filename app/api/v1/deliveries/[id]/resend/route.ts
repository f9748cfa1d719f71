import { resendDelivery } from "@/lib/delivery-log/actions";
import { apiKeyRoute, ID_PARAMS, json } from "@/lib/http/route";

export const POST = apiKeyRoute(
  { params: ID_PARAMS, resource: "Delivery" },
  async ({ project, params }) => json(await resendDelivery(project.id, params.id), 202),
);
