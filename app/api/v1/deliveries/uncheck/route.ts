import { uncheck } from "@/lib/deliveries/actions";
import { parseBulkIds } from "@/lib/deliveries/filters";
import { apiKeyRoute, json } from "@/lib/http/route";

export const POST = apiKeyRoute({}, async ({ project, readJson }) =>
  json(await uncheck(project.id, parseBulkIds(await readJson()).ids)),
);
