import { apiKeyRoute, json } from "@/lib/http/route";
import { describeCatalog } from "@/lib/webhooks/catalog";

export const GET = apiKeyRoute({}, async () => json(describeCatalog()));
