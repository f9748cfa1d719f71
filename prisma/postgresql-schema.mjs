#!/usr/bin/env node
// prisma/schema.prisma (SQLite) is the one description of the models. Prisma has no
// multi-provider datasource and its generated client differs per provider, so the PostgreSQL
// schema is derived from it here rather than kept by hand: `node prisma/postgresql-schema.mjs`
// writes it, `--check` fails when the committed copy is stale (the test suite runs the same
// comparison).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PRISMA_DIR = path.dirname(fileURLToPath(import.meta.url));
export const SQLITE_SCHEMA = path.join(PRISMA_DIR, "schema.prisma");
export const POSTGRESQL_SCHEMA = path.join(PRISMA_DIR, "postgresql", "schema.prisma");

const HEADER = `// GENERATED from prisma/schema.prisma by prisma/postgresql-schema.mjs: do not edit.
// Change the models there, then run \`npm run db:schemas\`.
`;

// SQLite stores a DateTime as text or a number with no zone; on PostgreSQL the columns are
// timestamptz with millisecond precision, the precision JavaScript dates carry. Json already
// maps to jsonb, Bytes to bytea and String to text, so nothing else needs a native type.
const NATIVE_TYPES = { DateTime: "@db.Timestamptz(3)" };

function replaceOnce(text, from, to) {
  if (!text.includes(from)) throw new Error(`prisma/schema.prisma no longer contains ${from}`);
  return text.replace(from, to);
}

function addNativeType(line) {
  const match = /^(\s+\w+\s+)(\w+)(\??)(\s.*)?$/.exec(line);
  if (!match) return line;
  const [, , type = "", , rest = ""] = match;
  const native = NATIVE_TYPES[type];
  if (!native || rest.includes("@db.")) return line;
  const commentAt = rest.indexOf("//");
  const attributes = commentAt === -1 ? rest : rest.slice(0, commentAt);
  const comment = commentAt === -1 ? "" : ` ${rest.slice(commentAt)}`;
  return `${line.slice(0, line.length - rest.length)}${attributes.trimEnd()} ${native}${comment}`;
}

export function renderPostgresqlSchema(sqliteSchema) {
  let schema = replaceOnce(sqliteSchema, 'provider = "sqlite"', 'provider = "postgresql"');
  schema = replaceOnce(
    schema,
    'output       = "../lib/generated/prisma"',
    'output       = "../../lib/generated/postgresql"',
  );
  let inModel = false;
  const lines = schema.split("\n").map((line) => {
    if (/^model\s+\w+\s*\{/.test(line)) inModel = true;
    else if (/^\}/.test(line)) inModel = false;
    else if (inModel) return addNativeType(line);
    return line;
  });
  return HEADER + lines.join("\n");
}

function main() {
  const expected = renderPostgresqlSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(POSTGRESQL_SCHEMA, "utf8");
    } catch {}
    if (current !== expected) {
      console.error("prisma/postgresql/schema.prisma is stale: run `npm run db:schemas`.");
      process.exit(1);
    }
    return;
  }
  writeFileSync(POSTGRESQL_SCHEMA, expected);
  console.log(`Wrote ${path.relative(process.cwd(), POSTGRESQL_SCHEMA)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
