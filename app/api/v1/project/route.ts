import { apiKeyRoute, json } from "@/lib/http/route";

export const GET = apiKeyRoute({}, async ({ project }) => json({ project }));
