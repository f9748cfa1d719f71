import { apiKeyRoute, json } from "@/lib/http/route";
import { describeCatalog } from "@/lib/model/catalog";

export const GET = apiKeyRoute({}, async () => json(describeCatalog()));
