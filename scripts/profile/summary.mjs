// Summarises a V8 .cpuprofile of the built app or worker, with the bundles' source maps read
// back to the TypeScript they came from (Turbopack's chunks are minified: a bare profile names
// `(anon) _18rmtmbtu_xus._.js:218`, which says nothing).
//   node scripts/profile/summary.mjs CPU.*.cpuprofile [--top 30] [--match lib/]
//   [--callers writeUtf8String] also shows whose calls a function's self time was spent under
// Prints: self time by area (our files, packages, node internals, GC, idle), the top functions
// by self time, and the top functions of our code by total time (self + what they call), each
// as a share of the busy (non-idle) time.
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: "string", default: "30" },
    match: { type: "string", default: "lib/" },
    callers: { type: "string", multiple: true, default: [] },
  },
});
const top = Number(values.top);
const profile = JSON.parse(readFileSync(positionals[0], "utf8"));

const maps = new Map();
function mapFor(url) {
  if (!maps.has(url)) {
    let map = null;
    const file = url.startsWith("file://") ? fileURLToPath(url) : url;
    if (file.endsWith(".js") && existsSync(`${file}.map`)) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")));
      } catch {
        map = null;
      }
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

/** The frame as `function (file:line)`, in source terms when a map knows it. */
function describe(frame) {
  const name = frame.functionName || "(anon)";
  if (!frame.url) return { key: name, area: name.startsWith("(") ? name : "(native)" };
  const map = mapFor(frame.url);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  if (entry?.originalSource) {
    const source = entry.originalSource
      .replace(/^turbopack:\/\/\/(\[project\]\/)?/, "")
      .replace(/.*node_modules\//, "nm/");
    const line = entry.originalLine + 1;
    // Our files sit next to .next/ (Turbopack names them from the chunk: ../../../lib/…); the
    // maps of Next's own dist point at its sources inside node_modules/next.
    const resolved = path.resolve(path.dirname(fileURLToPath(frame.url)), source);
    const root = fileURLToPath(frame.url).split("/.next/")[0];
    const ours =
      !source.startsWith("nm/") &&
      resolved.startsWith(`${root}/`) &&
      !resolved.includes("node_modules");
    const shown = ours ? path.relative(root, resolved) : source;
    const area = shown.startsWith("nm/") ? shown.split("/").slice(0, 3).join("/") : shown;
    return { key: `${entry.name ?? name} ${shown}:${line}`, area, ours };
  }
  const url = frame.url.replace(/.*node_modules\//, "nm/");
  const area = url.startsWith("nm/")
    ? url
        .split("/")
        .slice(0, url.startsWith("nm/@") ? 3 : 2)
        .join("/")
    : url.startsWith("node:")
      ? "node internals"
      : url;
  return { key: `${name} ${url}:${frame.lineNumber + 1}`, area };
}

const parent = new Map();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);
const described = new Map(profile.nodes.map((node) => [node.id, describe(node.callFrame)]));

const callers = new Map(values.callers.map((name) => [name, new Map()]));
/** The frames above a sample up to the nearest of our code (at most 14 named ones). */
function caller(id) {
  const chain = [];
  for (let at = parent.get(id); at !== undefined && chain.length < 14; at = parent.get(at)) {
    const frame = described.get(at);
    if (frame.key.startsWith("(")) continue;
    chain.push(frame.key);
    if (frame.ours) break;
  }
  return chain.length > 0 ? chain.join(" < ") : "(root)";
}
const self = new Map();
const areas = new Map();
const total = new Map();
let idle = 0;
let busy = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  const here = described.get(id);
  if (here.key === "(idle)") {
    idle += us;
    return;
  }
  busy += us;
  self.set(here.key, (self.get(here.key) ?? 0) + us);
  areas.set(here.area, (areas.get(here.area) ?? 0) + us);
  for (const [name, by] of callers) {
    if (!here.key.startsWith(`${name} `) && here.key !== name) continue;
    const from = caller(id);
    by.set(from, (by.get(from) ?? 0) + us);
  }
  // Total time: once per function on the stack, however deep it recurses.
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const frame = described.get(at);
    if (!frame.ours || seen.has(frame.key)) continue;
    seen.add(frame.key);
    total.set(frame.key, (total.get(frame.key) ?? 0) + us);
  }
});

const pct = (us) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
const ms = (us) => `${(us / 1000).toFixed(0).padStart(6)} ms`;
const print = (title, map, filter = () => true) => {
  console.log(`\n${title}`);
  const rows = [...map].filter(([key]) => filter(key)).sort((a, b) => b[1] - a[1]);
  for (const [key, us] of rows.slice(0, top)) console.log(`${pct(us)} ${ms(us)}  ${key}`);
};

const seconds = (us) => (us / 1e6).toFixed(1);
console.log(
  `${positionals[0]}: ${seconds(busy + idle)} s sampled, ${seconds(busy)} s busy (${((100 * busy) / (busy + idle)).toFixed(0)}%); shares below are of the busy time`,
);
print("Self time by area", areas);
print("Top functions by self time", self);
print(`Our code (${values.match}) by total time`, total, (key) => key.includes(values.match));
for (const [name, by] of callers) print(`${name}: self time by the nearest caller of ours`, by);
