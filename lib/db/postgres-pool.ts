import pg from "pg";
import { env } from "../env";

// One pg.Pool per process and database URL, shared by Prisma's adapter and the engine's own
// statements: the process holds DATABASE_POOL_SIZE connections, not twice that. It lives on
// globalThis because the built app's bundles (route handlers, instrumentation) are separate
// module instances of this file.
declare global {
  var webhooksPostgresPools: Map<string, pg.Pool> | undefined;
}

export function postgresPool(url = env().DATABASE_URL, size = env().DATABASE_POOL_SIZE): pg.Pool {
  globalThis.webhooksPostgresPools ??= new Map();
  const pools = globalThis.webhooksPostgresPools;
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: size });
    // An idle connection the server closed (restart, failover) is dropped from the pool and
    // replaced on the next query; without a listener the error would end the process.
    pool.on("error", () => {});
    pools.set(url, pool);
  }
  return pool;
}

/** Ends this process's pools (a worker shutting down, a test file done with its database). */
export async function closePostgresPools(): Promise<void> {
  const pools = globalThis.webhooksPostgresPools;
  if (!pools) return;
  globalThis.webhooksPostgresPools = new Map();
  await Promise.allSettled([...pools.values()].map((pool) => pool.end()));
}

/**
 * Runs `work` in one transaction on a connection of the pool. `begin` may carry statements
 * without parameters to run at its start in the same round trip ("BEGIN; SET LOCAL …").
 */
export async function inPostgresTransaction<T>(
  work: (client: pg.PoolClient) => Promise<T>,
  pool = postgresPool(),
  begin = "BEGIN",
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A connection that cannot even roll back is dropped instead of going back to the pool.
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
