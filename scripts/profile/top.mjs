// Prints the top self-time functions of a .cpuprofile: node scripts/profile/top.mjs file [n]
import { readFileSync } from "node:fs";

const profile = JSON.parse(readFileSync(process.argv[2], "utf8"));
const n = Number(process.argv[3] ?? 25);
const self = new Map();
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const dt = profile.timeDeltas;
const total = dt.reduce((a, b) => a + b, 0);
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const f = node.callFrame;
  const key = `${f.functionName || "(anon)"} ${f.url.replace(/.*node_modules\//, "nm/").replace(/.*engine\//, "")}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
});
const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
for (const [key, us] of rows)
  console.log(
    `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`,
  );
