import { getResendBatch } from "@/lib/delivery-log/actions";
import { apiKeyRoute, ID_PARAMS, json } from "@/lib/http/route";

export const GET = apiKeyRoute(
  { params: ID_PARAMS, resource: "Resend batch" },
  async ({ project, params }) => json(await getResendBatch(project.id, params.id)),
);
