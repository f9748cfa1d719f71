// `npm run secrets:rotate`: seals every stored secret again under APP_ENCRYPTION_KEY. Run it
// after moving the old key to APP_ENCRYPTION_KEY_PREVIOUS and setting a new APP_ENCRYPTION_KEY
// (docs/deploy.md); once it reports its counts, the previous key can be removed.

import { prepareDatabase } from "../lib/db/startup";
import { encryptionKeys } from "../lib/secrets/keys";
import { resealSecrets } from "../lib/secrets/reseal";

const keys = encryptionKeys();
await prepareDatabase();
const counts = await resealSecrets("all");
console.log(
  `sealed under key ${keys.current.id}: ${counts.webhookRequests} webhook request(s), ` +
    `${counts.projects} project(s), ${counts.deliveries} delivery request(s) kept for resends`,
);
process.exit(0);
