// Import after fresh-database and before any lib/ module: the configuration is read once.
export const TEST_METRICS_TOKEN = "test-metrics-token-0123456789";
process.env.METRICS_TOKEN = TEST_METRICS_TOKEN;
