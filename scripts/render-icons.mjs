// Renders public/favicon.ico (16 and 32 px) and public/apple-touch-icon.png (180 px) from
// public/icon.svg in Debian's Chromium: `node scripts/render-icons.mjs` after changing the SVG.
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

const svg = readFileSync("public/icon.svg", "utf8");
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
async function png(size) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  const buf = await page.screenshot({ omitBackground: true });
  await page.close();
  return buf;
}
const p32 = await png(32),
  p16 = await png(16),
  p180 = await png(180);
writeFileSync("public/apple-touch-icon.png", p180);
// ICO with PNG entries (Vista+ format): 6-byte header, 16-byte entries, then the PNGs.
const images = [
  [16, p16],
  [32, p32],
];
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(images.length, 4);
let offset = 6 + 16 * images.length;
const entries = [];
for (const [size, data] of images) {
  const e = Buffer.alloc(16);
  e.writeUInt8(size, 0);
  e.writeUInt8(size, 1);
  e.writeUInt8(0, 2);
  e.writeUInt8(0, 3);
  e.writeUInt16LE(1, 4);
  e.writeUInt16LE(32, 6);
  e.writeUInt32LE(data.length, 8);
  e.writeUInt32LE(offset, 12);
  offset += data.length;
  entries.push(e);
}
writeFileSync(
  "public/favicon.ico",
  Buffer.concat([header, ...entries, ...images.map(([, d]) => d)]),
);
await browser.close();
