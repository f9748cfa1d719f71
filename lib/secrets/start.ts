import { logger } from "../observability/logger";
import { resealSecrets } from "./reseal";

/** At start: seals what an older version stored in plain text (see reseal.ts), and says so. */
export async function sealPlainSecretsAtStart(): Promise<void> {
  const counts = await resealSecrets("plain");
  if (counts.webhookRequests + counts.projects > 0)
    logger().info(counts, "encrypted secrets stored in plain text");
}
