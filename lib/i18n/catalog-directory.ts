import path from "node:path";

/**
 * Where the catalogs live: messages/ at the project root, which `next start` and the worker run
 * from (as they find prisma/ there). Its own module so a test can point it at another folder.
 */
export function catalogDirectory(): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "messages");
}
