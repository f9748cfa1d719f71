import { updateQueueGauges } from "../dispatch/queue-gauges";
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";

/**
 * The Prometheus text of this process, with the queue gauges read from the database now. A
 * database that does not answer leaves the gauges at their last value and the process metrics
 * still served: /api/ready is what reports the database.
 */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  try {
    await updateQueueGauges();
  } catch (error) {
    logger().warn({ err: error }, "metrics: could not read the queue from the database");
  }
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
