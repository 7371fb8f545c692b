#!/usr/bin/env node
// Summarises a V8 CPU profile (`node --cpu-prof`): self time and share of samples by function (name + file),
// and by file, the largest first.
//
//   node scripts/profile-summary.mjs <file.cpuprofile | dir> [--top 15] [--markdown] [--root DIR]
//
// Given a folder, the newest .cpuprofile in it is read. A sample's time is the gap to the next sample (the
// last one runs to the profile's end), as DevTools counts it; the share is of the sample count. Paths are
// shown relative to --root (default the current folder) when inside it, node_modules paths from the
// package name on.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args[i + 1];
};
const top = Number(value("--top", "15"));
const markdown = args.includes("--markdown");
const root = resolve(value("--root", "."));
const target = args.find(
  (a, i) => !a.startsWith("--") && args[i - 1] !== "--top" && args[i - 1] !== "--root",
);
if (!target || !Number.isInteger(top) || top < 1) {
  console.error(
    "usage: node scripts/profile-summary.mjs <file.cpuprofile | dir> [--top 15] [--markdown] [--root DIR]",
  );
  process.exit(2);
}

function newestProfile(path) {
  if (!statSync(path).isDirectory()) return path;
  const files = readdirSync(path)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => join(path, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (files.length === 0) {
    console.error(`profile-summary: no .cpuprofile in ${path}`);
    process.exit(2);
  }
  return files[0];
}

function shortUrl(url) {
  if (!url) return "";
  let path = url;
  if (url.startsWith("file://")) {
    try {
      path = fileURLToPath(url);
    } catch {
      path = url;
    }
  }
  const nm = path.lastIndexOf("node_modules/");
  if (nm >= 0) return path.slice(nm + "node_modules/".length);
  if (!path.startsWith("/")) return path;
  const rel = relative(root, path);
  return rel && !rel.startsWith("..") ? rel : path;
}

const file = newestProfile(target);
const profile = JSON.parse(readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const samples = profile.samples ?? [];
const deltas = profile.timeDeltas ?? [];

// Sample timestamps (microseconds), then each sample's duration.
const stamps = new Array(samples.length);
let t = profile.startTime;
for (let i = 0; i < samples.length; i++) {
  t += deltas[i] ?? 0;
  stamps[i] = t;
}
const byFunction = new Map();
const byFile = new Map();
let totalUs = 0;
for (let i = 0; i < samples.length; i++) {
  const next = i + 1 < samples.length ? stamps[i + 1] : profile.endTime;
  const us = Math.max(0, next - stamps[i]);
  totalUs += us;
  const frame = nodes.get(samples[i])?.callFrame ?? { functionName: "(unknown)", url: "" };
  const url = shortUrl(frame.url);
  const name = frame.functionName || "(anonymous)";
  const key = `${name}\u0000${url}`;
  const f = byFunction.get(key) ?? { name, url, lines: new Set(), samples: 0, us: 0 };
  f.lines.add(frame.lineNumber);
  f.samples++;
  f.us += us;
  byFunction.set(key, f);
  const fileKey = url || name; // (garbage collector), (program), (idle) have no url
  const g = byFile.get(fileKey) ?? { url: fileKey, samples: 0, us: 0 };
  g.samples++;
  g.us += us;
  byFile.set(fileKey, g);
}

const pct = (n) => ((100 * n) / Math.max(1, samples.length)).toFixed(1);
const ms = (us) => (us / 1000).toFixed(0);
const functions = [...byFunction.values()].sort((a, b) => b.us - a.us).slice(0, top);
const files = [...byFile.values()].sort((a, b) => b.us - a.us).slice(0, Math.min(top, 10));
// The line is shown when every sample of the name was in one function of the file (lines are 0-based).
const where = (f) => {
  const [line] = f.lines;
  return f.url ? `${f.url}${f.lines.size === 1 && line >= 0 ? `:${line + 1}` : ""}` : "";
};

console.log(
  `${file}: ${samples.length.toLocaleString("en")} samples, ${(totalUs / 1e6).toFixed(2)} s profiled`,
);
if (markdown) {
  console.log("");
  console.log("| # | function | where | self ms | share of samples |");
  console.log("| ---: | --- | --- | ---: | ---: |");
  functions.forEach((f, i) =>
    console.log(
      `| ${i + 1} | \`${f.name.replace(/\|/g, "\\|")}\` | ${where(f)} | ${ms(f.us)} | ${pct(f.samples)} % |`,
    ),
  );
  console.log("");
  console.log("| file | self ms | share of samples |");
  console.log("| --- | ---: | ---: |");
  for (const g of files) console.log(`| ${g.url} | ${ms(g.us)} | ${pct(g.samples)} % |`);
} else {
  console.log("");
  console.log(`${"#".padStart(3)}  ${"self ms".padStart(8)}  ${"share".padStart(6)}  function  (where)`);
  functions.forEach((f, i) =>
    console.log(
      `${String(i + 1).padStart(3)}  ${ms(f.us).padStart(8)}  ${`${pct(f.samples)}%`.padStart(6)}  ${f.name}  ${where(f)}`,
    ),
  );
  console.log("");
  console.log(`${"self ms".padStart(8)}  ${"share".padStart(6)}  file`);
  for (const g of files)
    console.log(`${ms(g.us).padStart(8)}  ${`${pct(g.samples)}%`.padStart(6)}  ${g.url}`);
}
