// Import right after fresh-database, before anything reads the configuration: request budgets
// no test run can use up, for suites that send thousands of requests with one key.
process.env.API_REQUESTS_PER_SECOND = "1000000";
process.env.API_INGEST_PER_SECOND = "1000000";
