// Import right after fresh-database: the receivers these tests start listen on 127.0.0.1,
// which the delivery guard refuses unless private targets are allowed.
process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "true";
