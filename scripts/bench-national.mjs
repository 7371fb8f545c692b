#!/usr/bin/env node
// National-scale benchmark (issue 8): for each size, in one run, a plain byte scan of the file and hy-check
// end to end, each in its own child process, with wall time, CPU time and peak RSS. Prints a table and
// rewrites its section of bench/RESULTS.md (between `<!-- bench:<slug> -->` markers).
//
//   node scripts/bench-national.mjs [--sizes S,L] [--years 1,2,4] [--section "Latest run"] [--runs N]
//                                   [--compat] [--no-duckdb] [--cli dist/hy-check.js] [--targets FILE]
//                                   [--timeout-min 15] [--note TEXT] [--cli-commit SHA] [--dir DIR]
//                                   [--no-record]
//
// --sizes (or BENCH_SIZES): S = 50 stations x 2019 (438,000 rows), L = 1,700 stations (14.9 M rows, ~0.9 GB),
//   XL = 4,400 stations in 880 cities (38.5 M rows, ~2.4 GB); default S,L. The files are made by
//   scripts/make-national.mjs in --dir (default BENCH_DIR or <os tmpdir>/hy-check-bench, never the
//   repository) and kept there for the next run.
// --years (or BENCH_YEARS): national years per file, each a file of its own (2019 .. 2018 + N; the plan year
//   is 2019, the other years' rows are read and counted, not used): the peak RSS column shows how memory
//   grows with them; default 1,2,4.
// --no-duckdb: without DuckDB. By default, when the devDependency @duckdb/node-api is installed, each
//   one-year file is also read by two DuckDB SQL jobs (scripts/bench-duckdb.mjs): `pm`, per city the annual
//   PM2.5 and PM10 means of the daily means of the city's hourly series (the yardstick issue 21 was filed
//   with), and `all`, every target of targets/gb3095-2012-class2.yaml (the job hy-check does), in rounds
//   with hy-check (hy-check, DuckDB pm, DuckDB all, --runs times); each job's per-city figures are compared
//   with hy-check's.
// --runs: runs per tool and size, the median wall time reported (default 3 below 100 MB, else 1).
// --cli (or HY_CHECK_CLI): the hy-check entry point to time, e.g. a build of an older commit (--cli-commit
//   names that commit in the results).
// --targets: the target file (default targets/gb3095-2012-class2.yaml beside the timed hy-check's dist/, or
//   hy-check's default target file with a notice when it does not exist).
// --compat: for hy-check versions that refuse a file with both `city` and `county` (two area columns,
//   HY-COLUMN) and have no `each: city` scope: a generated target file maps `county` to the station-name
//   field, registers every city of the file as an area and evaluates the good-day rate and the annual
//   PM2.5 and PM10 of each city (combined by their mean), i.e. the same national job.
// --timeout-min: a hy-check run longer than this is killed and recorded as a lower bound (default 15).
//
// Wall time is measured around the child with process.hrtime; peak RSS (and user + system CPU) come from
// GNU time (`/usr/bin/time -f '%e %M %U %S'`); without it (`apt-get install -y time`) the peak is
// polled from /proc/<pid>/status (VmHWM).
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_SEED, SIZES, makeNational, nationalLayout } from "./make-national.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i < 0 ? fallback : argv[i + 1];
};
const flag = (name) => argv.includes(name);

const sizes = (option("--sizes", process.env.BENCH_SIZES ?? "S,L") ?? "")
  .split(",")
  .map((s) => s.trim().toUpperCase())
  .filter(Boolean);
const bad = sizes.filter((s) => !SIZES[s]);
if (sizes.length === 0 || bad.length > 0) {
  console.error(`bench-national: unknown size ${bad.join(", ")}; expected --sizes S, L, XL or a list`);
  process.exit(2);
}
const yearCounts = (option("--years", process.env.BENCH_YEARS ?? "1,2,4") ?? "")
  .split(",")
  .map(Number)
  .filter((n) => Number.isInteger(n) && n >= 1);
if (yearCounts.length === 0) {
  console.error("bench-national: --years expects a list of whole numbers, e.g. 1,2,4");
  process.exit(2);
}
const dir = resolve(option("--dir", process.env.BENCH_DIR ?? join(tmpdir(), "hy-check-bench")));
const cli = resolve(option("--cli", process.env.HY_CHECK_CLI ?? join(root, "dist/hy-check.js")));
const section = option("--section", "Latest run");
const cliCommit = option("--cli-commit");
/** A path as the report shows it: relative inside the repository, absolute outside. */
const shown = (path) => {
  const rel = relative(root, path);
  return rel && !rel.startsWith("..") ? rel : path;
};
const note = option("--note");
const runsOption = option("--runs");
const timeoutMs = Number(option("--timeout-min", "15")) * 60_000;
const compat = flag("--compat");
const duckdbScript = join(root, "scripts/bench-duckdb.mjs");
let duckdb = !flag("--no-duckdb");
if (duckdb)
  try {
    await import("@duckdb/node-api");
  } catch {
    duckdb = false;
    console.error(
      "bench-national: @duckdb/node-api is not installed (npm ci installs it); running without DuckDB",
    );
  }
const record = !flag("--no-record");
const resultsFile = join(root, "bench/RESULTS.md");

if (!existsSync(cli)) {
  console.error(`bench-national: ${cli} does not exist; run \`npm run build\` first`);
  process.exit(2);
}

const TIME = "/usr/bin/time";
const haveTime = existsSync(TIME);
if (!haveTime)
  console.error(
    `bench-national: ${TIME} not found (install it with \`apt-get install -y time\`); polling /proc for the peak RSS`,
  );

// The byte scan: one pass over the file in 1 MiB reads, counting commas and newlines.
const SCAN = `const fs = require("fs");
function scan(file) {
  const fd = fs.openSync(file, "r");
  const buf = Buffer.allocUnsafe(1 << 20);
  let bytes = 0, commas = 0, newlines = 0;
  for (;;) {
    const n = fs.readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    bytes += n;
    for (let i = 0; i < n; i++) {
      const b = buf[i];
      if (b === 0x2c) commas++;
      else if (b === 0x0a) newlines++;
    }
  }
  fs.closeSync(fd);
  return { bytes, commas, newlines };
}
console.log(JSON.stringify(scan(process.argv[1])));`;

const tail = (text, chars = 4000) => (text.length > chars ? text.slice(-chars) : text);

/** Runs a command in its own process group; resolves with wall s, peak RSS MiB, CPU s, exit code, output. */
function measure(command, args) {
  return new Promise((done) => {
    const timeFile = join(dir, `.time-${process.pid}`);
    const [bin, binArgs] = haveTime
      ? [TIME, ["-o", timeFile, "-f", "%e %M %U %S", command, ...args]]
      : [command, args];
    const start = process.hrtime.bigint();
    const child = spawn(bin, binArgs, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout = tail(stdout + d, 1 << 20)));
    child.stderr.on("data", (d) => (stderr = tail(stderr + d, 1 << 16)));
    let polledKiB = 0;
    const poll = haveTime
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
            if (m) polledKiB = Math.max(polledKiB, Number(m[1]));
          } catch {
            // the process has ended
          }
        }, 20);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid, "SIGKILL"); // the child's own process group, made by detached: true
    }, timeoutMs);
    child.on("close", (code, signal) => {
      const wall = Number(process.hrtime.bigint() - start) / 1e9;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      let peakKiB = polledKiB;
      let cpu = null;
      let exit = code;
      if (haveTime && existsSync(timeFile)) {
        // GNU time writes "Command exited with non-zero status N" before the figures.
        const lines = readFileSync(timeFile, "utf8").trim().split("\n");
        const status = /status (\d+)/.exec(lines.join(" "));
        if (status) exit = Number(status[1]);
        const [, kib, user, sys] = (lines.at(-1) ?? "").split(" ").map(Number);
        if (Number.isFinite(kib)) peakKiB = kib;
        if (Number.isFinite(user) && Number.isFinite(sys)) cpu = user + sys;
        rmSync(timeFile, { force: true });
      }
      done({ wall, peakMiB: peakKiB / 1024, cpu, exit, signal, timedOut, stdout, stderr });
    });
  });
}

const stopped = (r) => r.timedOut || (r.exit !== 0 && r.exit !== 1);

async function repeat(times, command, args) {
  const results = [];
  for (let i = 0; i < times; i++) {
    const r = await measure(command, args);
    results.push(r);
    if (stopped(r)) break;
  }
  return summarize(results);
}

/** Rounds: each command once per round, in the order given, `times` times (so that all meet the same load). */
async function rounds(times, ...commands) {
  const results = commands.map(() => []);
  for (let i = 0; i < times; i++) {
    for (const [k, command] of commands.entries()) results[k].push(await measure(...command));
    if (results.some((r) => stopped(r.at(-1)))) break;
  }
  return results.map(summarize);
}

/** The run of median wall time, with the runs' count, walls and the largest peak. */
function summarize(results) {
  const walls = results.map((r) => r.wall).sort((a, b) => a - b);
  const median = walls[Math.floor((walls.length - 1) / 2)];
  const chosen = results.find((r) => r.wall === median) ?? results[0];
  return {
    ...chosen,
    runs: results.length,
    walls: results.map((r) => r.wall),
    peakMiB: Math.max(...results.map((r) => r.peakMiB)),
  };
}

/** A target file for hy-check versions without `each: city` that refuse both city and county columns. */
function writeCompatTargets(size) {
  const { cities, stations } = nationalLayout(DEFAULT_SEED);
  const present = [...new Set(stations.slice(0, SIZES[size]).map((s) => s.city))].map((c) => cities[c].name);
  const file = join(dir, `compat-targets-${size}.yaml`);
  const seed = relative(dir, join(root, "seeds/hengyang-2019-work-plan.txt"));
  const target = (id, zh, en, metric, op, value, unit, clause, text, document) =>
    [
      `  - id: ${id}`,
      `    title: { zh: ${zh}, en: ${en} }`,
      `    source: { clause: ${JSON.stringify(clause)}, text: ${JSON.stringify(text)}, document: ${JSON.stringify(document)} }`,
      `    metric: ${metric}`,
      "    scope: { areaKind: county, combine: mean }",
      `    op: "${op}"`,
      `    value: ${value}`,
      `    unit: "${unit}"`,
    ].join("\n");
  const yaml = [
    "# Generated by scripts/bench-national.mjs --compat: the national job for hy-check versions without",
    "# `each: city`. Every city of the file is an area; county is read as the station name.",
    "schemaVersion: 1",
    "plan:",
    "  title: { zh: 全国城市环境空气质量基准测试, en: National cities benchmark }",
    "  year: 2019",
    "  issuer: hy-check benchmark",
    `  seed: ${JSON.stringify(seed)}`,
    "columns: { station: county }",
    "areas:",
    ...present.map((name) => `  - { id: ${name}, kind: county }`),
    "targets:",
    target(
      "air.cities.good_rate",
      "各城市优良天数比例平均",
      "Mean good-day rate of the cities",
      "{ name: air.good_rate }",
      ">=",
      80,
      "%",
      "5.1",
      "空气质量指数级别为一级和二级的天数",
      "HJ 633-2012",
    ),
    target(
      "air.cities.pm25",
      "各城市PM2.5年平均浓度平均",
      "Mean PM2.5 annual mean of the cities",
      "{ name: air.annual_mean, pollutant: PM2.5 }",
      "<=",
      35,
      "ug/m3",
      "表1",
      "PM2.5年平均二级浓度限值35",
      "GB 3095-2012",
    ),
    target(
      "air.cities.pm10",
      "各城市PM10年平均浓度平均",
      "Mean PM10 annual mean of the cities",
      "{ name: air.annual_mean, pollutant: PM10 }",
      "<=",
      70,
      "ug/m3",
      "表1",
      "PM10年平均二级浓度限值70",
      "GB 3095-2012",
    ),
    "",
  ].join("\n");
  writeFileSync(file, yaml);
  return file;
}

function targetsFor(size) {
  if (compat) return { file: writeCompatTargets(size), how: "compat" };
  const given = option("--targets");
  if (given) return { file: resolve(given), how: "given" };
  // The national target file shipped beside the hy-check being timed (dist/../targets).
  const national = join(dirname(cli), "..", "targets/gb3095-2012-class2.yaml");
  if (existsSync(national)) return { file: national, how: "national" };
  return { file: null, how: "default" };
}

const git = (...args) => {
  try {
    return execFileSync("git", ["-C", root, ...args], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
};

function machineLine() {
  const model =
    /model name\s*:\s*(.*)/.exec(
      existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "",
    )?.[1] ??
    cpus()[0]?.model ??
    "unknown CPU";
  let nproc = String(cpus().length);
  try {
    nproc = execFileSync("nproc", { encoding: "utf8" }).trim();
  } catch {
    // keep os.cpus()
  }
  return `node ${process.version} · nproc ${nproc} · ${model.trim()} · ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM · ${process.platform} ${process.arch}`;
}

/** This run's arguments as a shell would take them, without --note (its text is shown on its own line). */
function commandArgs() {
  const shellWord = (a) => (/^[\w./,:=@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);
  const kept = argv.filter((a, i) => a !== "--note" && argv[i - 1] !== "--note");
  if (!argv.includes("--sizes")) kept.unshift("--sizes", sizes.join(","));
  if (!argv.includes("--years")) kept.push("--years", yearCounts.join(","));
  return kept.map(shellWord).join(" ");
}

const fmt = (n, digits = 2) => (n === null || !Number.isFinite(n) ? "-" : n.toFixed(digits));
const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en") : "-");

// ---------------------------------------------------------------------------------------------------------

const loadavg = () =>
  existsSync("/proc/loadavg") ? readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ") : "-";
const loadBefore = loadavg();
mkdirSync(dir, { recursive: true });
const rows = [];
const notices = [];
const commands = [];
/** Per-city figures where both tools gave them: how many agree, rounded as hy-check reports (integers). */
/**
 * DuckDB's figures for every target of the file (--job all) against hy-check's unrounded ones (JSON keeps 6
 * decimals: equal within 1e-6) and its valid days; the good-day rate by its good and valid days.
 */
function agreementAll(hyJson, duckJson) {
  const results = new Map();
  for (const r of JSON.parse(hyJson).results ?? []) results.set(r.id, r);
  const figures = [
    ["so2", "so2_days", "city.so2_annual"],
    ["no2", "no2_days", "city.no2_annual"],
    ["pm10", "pm10_days", "city.pm10_annual"],
    ["pm25", "pm25_days", "city.pm25_annual"],
    ["co_p95", "co_days", "city.co_p95"],
    ["o3_p90", "o3_days", "city.o3_p90"],
  ];
  let same = 0;
  let compared = 0;
  const differ = [];
  for (const c of JSON.parse(duckJson).cities) {
    for (const [key, daysKey, target] of figures) {
      const r = results.get(`${target}/${c.city}`);
      compared++;
      const hy = r?.detail?.unrounded ?? null;
      const agree =
        r !== undefined &&
        r.validDays === c[daysKey] &&
        (hy === null ? c[key] === null : c[key] !== null && Math.abs(hy - c[key]) <= 1e-6);
      if (agree) same++;
      else
        differ.push(
          `${target}/${c.city}: hy-check ${hy} (${r?.validDays} days), DuckDB ${c[key]} (${c[daysKey]} days)`,
        );
    }
    const r = results.get(`city.good_rate/${c.city}`);
    compared++;
    if (r !== undefined && r.detail?.goodDays === c.good_days && r.validDays === c.valid_days) same++;
    else
      differ.push(
        `city.good_rate/${c.city}: hy-check ${r?.detail?.goodDays} of ${r?.validDays}, DuckDB ${c.good_days} of ${c.valid_days}`,
      );
  }
  return { same, compared, differ };
}

function agreement(hyJson, duckJson) {
  const actual = new Map();
  for (const r of JSON.parse(hyJson).results ?? []) actual.set(r.id, r.actual);
  let same = 0;
  let compared = 0;
  const differ = [];
  for (const c of JSON.parse(duckJson).cities)
    for (const [key, id] of [
      ["pm25", `city.pm25_annual/${c.city}`],
      ["pm10", `city.pm10_annual/${c.city}`],
    ]) {
      const hy = actual.get(id);
      if (hy === undefined || hy === null || c[key] === null) continue;
      compared++;
      // Half to even at .5 exactly (GB/T 8170); a mean that close to .5 is listed whichever way it goes.
      const duck = Math.abs(c[key] - Math.round(c[key])) === 0.5 ? NaN : Math.round(c[key]);
      if (duck === hy) same++;
      else differ.push(`${id}: hy-check ${hy}, DuckDB ${c[key]}`);
    }
  return { same, compared, differ };
}

for (const size of sizes)
  for (const years of yearCounts) {
    const made = makeNational({ size, dir, years });
    console.error(
      `${made.reused ? "using" : "generated"} ${made.file} (${int(made.rows)} rows, ${fmt(made.bytes / 1e6, 1)} MB)`,
    );
    const runs = Number(runsOption ?? (made.bytes < 100e6 ? 3 : 1));
    const mb = made.bytes / 1e6;
    const label = `${size}${years > 1 ? ` ${years}y` : ""}`;
    const common = { size, years, rows: made.rows, mb };

    const scan = await repeat(runs, process.execPath, ["-e", SCAN, made.file]);
    const counted = JSON.parse(scan.stdout.trim() || "{}");
    if (counted.newlines !== made.rows + 1)
      notices.push(`${label}: the byte scan counted ${counted.newlines} newlines, expected ${made.rows + 1}`);
    rows.push({ ...common, tool: "byte scan (1 MiB readSync, count , and \\n)", ...scan });
    commands.push(`node -e '<scan>' ${made.file}`);

    const targets = targetsFor(size);
    const hyOut = join(dir, `.hy-check-${process.pid}.json`);
    const args = [cli, "check", made.file];
    if (targets.file) args.push("-t", targets.file);
    // A file of several years under a standard target file: the plan year chosen, as a user must (HY-YEAR).
    if (years > 1) args.push("--year", "2019");
    args.push("-f", "json", "-o", hyOut);
    if (targets.how === "default") {
      const msg = `${label}: ${shown(join(dirname(cli), "..", "targets/gb3095-2012-class2.yaml"))} does not exist; ran hy-check with its default target file`;
      console.error(`bench-national: ${msg}`);
      notices.push(msg);
    }
    const display = ["node", shown(cli), ...args.slice(1, -1), "<out.json>"].join(" ");
    console.error(`running: ${display}`);
    commands.push(display);
    const paired = duckdb && years === 1;
    // Two DuckDB jobs: the issue's yardstick (the annual PM2.5 and PM10 means) and every target of the file.
    const jobs = [
      { job: "pm", tool: "DuckDB, PM2.5 and PM10 annual means (scripts/bench-duckdb.mjs)" },
      { job: "all", tool: "DuckDB, every target of the file (scripts/bench-duckdb.mjs --job all)" },
    ].map((j) => ({ ...j, out: join(dir, `.duckdb-${j.job}-${process.pid}.json`) }));
    let hy;
    let ducks = [];
    if (paired) {
      const duckCommands = jobs.map((j) => {
        const display = [
          "node",
          shown(duckdbScript),
          made.file,
          `--year 2019 --job ${j.job} --out <out.json>`,
        ].join(" ");
        console.error(`with: ${display}`);
        commands.push(display);
        return [
          process.execPath,
          [duckdbScript, made.file, "--year", "2019", "--job", j.job, "--out", j.out],
        ];
      });
      [hy, ...ducks] = await rounds(runs, [process.execPath, args], ...duckCommands);
    } else hy = await repeat(runs, process.execPath, args);
    let tool = `hy-check (${targets.how === "compat" ? "--compat targets" : targets.how === "default" ? "default targets" : relative(root, targets.file)})`;
    if (hy.timedOut) {
      tool += `, killed after ${timeoutMs / 60_000} min`;
      notices.push(
        `${label}: hy-check did not finish in ${timeoutMs / 60_000} min; its wall time is a lower bound`,
      );
    } else if (hy.exit !== 0 && hy.exit !== 1) {
      const why = hy.stderr.trim().split("\n").slice(0, 3).join(" / ");
      console.error(
        `bench-national: ${label}: hy-check exited with ${hy.exit ?? hy.signal}:\n${tail(hy.stderr, 2000)}`,
      );
      notices.push(`${label}: hy-check exited with ${hy.exit ?? hy.signal} after ${fmt(hy.wall)} s: ${why}`);
      if (!compat && /two columns mean area/.test(hy.stderr))
        console.error(
          "bench-national: this hy-check cannot read city and county together; --compat measures it",
        );
    }
    rows.push({ ...common, tool, ...hy, ratio: hy.wall / scan.wall });
    for (const [k, duck] of ducks.entries()) {
      const { job, tool: duckTool, out } = jobs[k];
      rows.push({ ...common, tool: duckTool, ...duck, ratio: duck.wall / scan.wall });
      if (stopped(duck)) {
        notices.push(
          `${label}: DuckDB (${job}) exited with ${duck.exit ?? duck.signal}: ${tail(duck.stderr, 300)}`,
        );
        continue;
      }
      notices.push(
        `${label}: hy-check / DuckDB (${job === "pm" ? "PM2.5 and PM10 annual means" : "every target of the file"}) wall time ${fmt(hy.wall / duck.wall)} (medians of ${hy.runs} rounds), peak RSS ${fmt(hy.peakMiB / duck.peakMiB)}`,
      );
      if (!existsSync(hyOut) || !existsSync(out)) continue;
      const { same, compared, differ } = (job === "pm" ? agreement : agreementAll)(
        readFileSync(hyOut, "utf8"),
        readFileSync(out, "utf8"),
      );
      const what =
        job === "pm"
          ? "DuckDB's annual PM2.5 and PM10 means per city, rounded to integers, equal hy-check's"
          : "DuckDB's figures for every target (unrounded, within 1e-6, and their valid days; good and valid days) equal hy-check's";
      notices.push(
        `${label}: ${what} in ${same} of ${compared} cases${differ.length ? `; differing: ${differ.slice(0, 5).join("; ")}` : ""}`,
      );
    }
    rmSync(hyOut, { force: true });
    for (const j of jobs) rmSync(j.out, { force: true });
  }

// Table
const header = [
  "size",
  "years",
  "rows",
  "MB",
  "tool",
  "wall s",
  "rows/s",
  "MB/s",
  "peak RSS MiB",
  "CPU s",
  "x byte scan",
  "exit",
];
// A run that failed (exit 2 or 3) read nothing worth a rate: its rate and ratio are left blank.
const failed = (r) => !r.timedOut && r.exit !== 0 && r.exit !== 1;
const table = rows.map((r) => [
  r.size,
  String(r.years),
  int(r.rows),
  fmt(r.mb, 1),
  r.tool,
  (r.timedOut ? ">= " : "") + fmt(r.wall) + (r.runs > 1 ? ` (median of ${r.runs})` : ""),
  failed(r) ? "-" : (r.timedOut ? "<= " : "") + int(r.rows / r.wall),
  failed(r) ? "-" : (r.timedOut ? "<= " : "") + fmt(r.mb / r.wall, 1),
  fmt(r.peakMiB > 0 ? r.peakMiB : NaN, 0),
  fmt(r.cpu),
  r.ratio === undefined ? "1" : failed(r) ? "-" : (r.timedOut ? ">= " : "") + fmt(r.ratio, 1),
  r.timedOut ? "killed" : String(r.exit ?? r.signal),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) =>
  cells.map((c, i) => (i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(line(header));
for (const row of table) console.log(line(row));
for (const n of notices) console.log(`note: ${n}`);

// bench/RESULTS.md
if (record) {
  const slug = section
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const commit = git("rev-parse", "--short", "HEAD");
  const dirty = git("status", "--porcelain", "--", "src") ? " (src/ has uncommitted changes)" : "";
  const md = [
    `<!-- bench:${slug} -->`,
    `## ${section}`,
    "",
    `- date: ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}`,
    `- commit: ${commit}${dirty}; hy-check: \`${shown(cli)}\`${cliCommit ? ` built from ${cliCommit}` : ""}`,
    `- machine: ${machineLine()}`,
    `- load average (1, 5, 15 min) at the start: ${loadBefore}; at the end: ${loadavg()}`,
    `- files: \`node scripts/make-national.mjs --size <S|L|XL> [--years N] --out ${dir}\` (seed ${DEFAULT_SEED})`,
    `- command: \`node scripts/bench-national.mjs ${commandArgs()}\``,
    ...(note ? [`- note: ${note}`] : []),
    "",
    `| ${header.join(" | ")} |`,
    `| ${header.map((h, i) => (i === 4 ? "---" : "---:")).join(" | ")} |`,
    ...table.map((row) => `| ${row.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`),
    "",
    "Commands timed (`<scan>` is the SCAN program of scripts/bench-national.mjs; wall: process.hrtime around",
    "the child; peak RSS and CPU: GNU time `%M`, `%U + %S`):",
    "",
    "```sh",
    ...[...new Set(commands)],
    "```",
    ...(notices.length ? ["", ...notices.map((n) => `- ${n}`)] : []),
    `<!-- /bench:${slug} -->`,
  ].join("\n");
  mkdirSync(dirname(resultsFile), { recursive: true });
  let doc = existsSync(resultsFile)
    ? readFileSync(resultsFile, "utf8")
    : "# Benchmark results\n\nWritten by `npm run bench` (scripts/bench-national.mjs); see issue 8.\n";
  const marked = new RegExp(`<!-- bench:${slug} -->[\\s\\S]*?<!-- /bench:${slug} -->`);
  doc = marked.test(doc) ? doc.replace(marked, () => md) : `${doc.trimEnd()}\n\n${md}\n`;
  // Keep the file prettier-clean (tables aligned) with the project's own prettier, when it is installed.
  try {
    const prettier = await import("prettier");
    const config = (await prettier.resolveConfig(resultsFile)) ?? {};
    doc = await prettier.format(doc, { ...config, filepath: resultsFile });
  } catch {
    // no prettier: the table is valid Markdown, only not aligned
  }
  writeFileSync(resultsFile, doc);
  console.error(`wrote section "${section}" of ${relative(root, resultsFile)}`);
}
