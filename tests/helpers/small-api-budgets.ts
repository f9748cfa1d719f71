// Import right after fresh-database, before anything reads the configuration: request
// budgets small enough for a test to use up.
process.env.API_REQUESTS_PER_SECOND = "3";
