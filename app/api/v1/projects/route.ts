import { handleProjectsRead } from "@/lib/http/account-read";

export const GET = handleProjectsRead;
