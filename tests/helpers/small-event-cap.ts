// Import right after fresh-database, before anything reads the configuration: a cap of events
// per project small enough for a test to reach.
process.env.MAX_EVENTS_PER_PROJECT = "3";
