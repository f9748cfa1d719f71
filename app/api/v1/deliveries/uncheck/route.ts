import { uncheck } from "@/lib/delivery-log/actions";
import { parseBulkIds } from "@/lib/delivery-log/filters";
import { apiKeyRoute, json } from "@/lib/http/route";

export const POST = apiKeyRoute({}, async ({ project, readJson }) =>
  json(await uncheck(project.id, parseBulkIds(await readJson()).ids)),
);
