// The fast byte reader of hourly files against the plain csv-parse reader (issue 8), and days finished as
// they are read against every hour held (issue 21): on every fixture, every corpus file, hourly files with
// each kind of damage and random damage (fast-check, fixed seed), and a shuffled national file, check()
// gives the same JSON on each path (fast streaming days, fast with HY_STREAM_DAYS=0, plain), or the same
// input error.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { check, InputError } from "../src/index.js";
import { validate } from "../src/validate.js";
import { usesWasmLines } from "../src/data/kinds/air-hourly/parse.js";
import { runMain } from "./helpers/run-main.js";
import type { CliRun } from "./helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "hy-fast-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CITY_TARGETS = join(dir, "cities.yaml");
writeFileSync(
  CITY_TARGETS,
  `schemaVersion: 1
plan: { title: { zh: 城市, en: Cities }, year: 2019, issuer: test }
standards: { aqi: HJ633-2012, limits: GB3095-2012 }
areas:
  - { id: 甲区, name: { zh: 甲区, en: A }, kind: urban, stations: [1001A, 1002A] }
targets:
  - id: city.pm25
    title: { zh: PM2.5, en: PM2.5 }
    source: { clause: 表1, document: GB 3095-2012, text: PM2.5 35 }
    metric: { name: air.annual_mean, pollutant: PM2.5 }
    scope: { each: city }
    op: "<="
    value: 35
    unit: ug/m3
  - id: station.good
    title: { zh: 优良, en: Good days }
    source: { clause: x, document: HJ 633-2012, text: good }
    metric: { name: air.good_rate }
    scope: { each: station }
    op: ">="
    value: 80
    unit: "%"
  - id: area.o3
    title: { zh: O3, en: O3 }
    source: { clause: x, document: GB 3095-2012, text: O3 }
    metric: { name: air.percentile, pollutant: O3_8h, p: 90 }
    scope: { area: 甲区 }
    op: "<="
    value: 160
    unit: ug/m3
`,
);

/** check() with one reader (and days streamed, or held with HY_STREAM_DAYS=0): JSON, or the input error. */
async function run(
  files: string[],
  reader: "fast" | "plain",
  targets?: string,
  streamDays = true,
): Promise<string> {
  return withEnv(streamDays ? {} : { HY_STREAM_DAYS: "0" }, async () => {
    try {
      // --year 2019: the damage puts rows in other years, and a standard file would otherwise ask which year.
      const report = await check(files, {
        reader,
        today: "2026-01-01",
        ...(targets ? { targets, year: 2019 } : {}),
      });
      return JSON.stringify(report, null, 1);
    } catch (e) {
      if (e instanceof InputError) return `InputError ${JSON.stringify(e.problems)}`;
      throw e;
    }
  });
}

/**
 * Runs already made, by arguments, reader and the environment the reader reads: a file is written once and
 * never changed (write() below), so a second run with the same key would repeat the first byte for byte.
 * The plain reader (csv-parse alone) never reads the HY_FAST_* settings of the fast reader's workers
 * (src/data/kinds/air-hourly/fast.ts), so its runs are shared across them.
 */
const runs = new Map<string, Promise<CliRun>>();

/** The CLI's `check` in-process with one reader: exit code, stdout and stderr (error positions included). */
function runCli(files: string[], reader: "fast" | "plain", targets?: string): Promise<CliRun> {
  // --year 2019: the damage puts rows in other years, and a standard file would otherwise ask which year.
  const args = ["check", ...files, "-f", "json", ...(targets ? ["-t", targets, "--year", "2019"] : [])];
  const env = process.env;
  const tuning =
    reader === "fast"
      ? [
          env.HY_FAST_WORKERS_MIN_BYTES,
          env.HY_FAST_CHUNK_BYTES,
          env.HY_FAST_WORKERS,
          env.HY_FAST_MAIN_SHARE,
          env.HY_WASM,
        ]
      : [];
  const key = JSON.stringify([args, reader, env.HY_STREAM_DAYS, ...tuning]);
  let run = runs.get(key);
  if (!run) runs.set(key, (run = runMain(args, { HY_READER: reader })));
  return run;
}

/** A run with some of the environment set, then as it was (a variable the run of the suite set is kept). */
async function withEnv<T>(vars: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const before = Object.keys(vars).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, vars);
  try {
    return await body();
  } finally {
    for (const [name, value] of before) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/**
 * What a person and a program read are the same on every path: the fast reader with days streamed (its line
 * loop in WebAssembly, and in JavaScript with HY_WASM=0), with every hour held (HY_STREAM_DAYS=0) and
 * csv-parse alone: exit code, JSON report and messages (every file:line:col). Returns the report, or
 * `InputError <stderr>` when the run stops.
 */
async function expectSame(files: string[], targets?: string): Promise<string> {
  const fast = await runCli(files, "fast", targets);
  const held = await withEnv({ HY_STREAM_DAYS: "0" }, () => runCli(files, "fast", targets));
  const jsLoop = await withEnv({ HY_WASM: "0" }, () => runCli(files, "fast", targets));
  const plain = await runCli(files, "plain", targets);
  for (const other of [held, jsLoop, fast]) {
    expect(other.stderr).toBe(plain.stderr);
    expect(other.status).toBe(plain.status);
    expect(other.stdout).toBe(plain.stdout);
  }
  return fast.stdout !== "" ? fast.stdout : `InputError ${fast.stderr}`;
}

const HEADER = "station_code,city,county,datetime,PM2.5,PM10,SO2,NO2,O3,CO";
const STATIONS = [
  ["1001A", "衡阳市", "珠晖区"],
  ["1002A", "衡阳市", "雁峰区"],
  ["2001A", "株洲市", "荷塘区"],
];

/** A small seeded hourly file: 3 stations x `days` days, time-major, a few empty cells. */
function cleanRows(days: number, seed = 7): string[] {
  let state = seed;
  const rand = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const rows: string[] = [];
  for (let h = 0; h < days * 24; h++) {
    const date = new Date(Date.UTC(2019, 0, 1, h));
    const time = `${date.toISOString().slice(0, 10)} ${String(date.getUTCHours()).padStart(2, "0")}:00`;
    for (const [code, city, county] of STATIONS) {
      const pm25 = Math.round(20 + rand() * 60);
      const cells = [
        pm25,
        Math.round(pm25 * 1.4 + rand() * 10),
        Math.round(3 + rand() * 10),
        Math.round(10 + rand() * 40),
        Math.round(20 + rand() * 150),
        (0.3 + rand()).toFixed(rand() < 0.5 ? 1 : 3),
      ].map((v) => (rand() < 0.02 ? "" : String(v)));
      rows.push([code, city, county, time, ...cells].join(","));
    }
  }
  return rows;
}

let counter = 0;
/** Files by the SHA-256 of their bytes: the same bytes are one file, so their runs are made once. */
const written = new Map<string, string>();
function write(content: string | Uint8Array): string {
  const hash = createHash("sha256").update(content).digest("hex");
  const known = written.get(hash);
  if (known) return known;
  const file = join(dir, `h${++counter}.csv`);
  writeFileSync(file, content);
  written.set(hash, file);
  return file;
}

describe("fast and plain readers give the same results", () => {
  it("on every shipped fixture", async () => {
    const fixtures = readdirSync("fixtures")
      .filter((f) => f.endsWith(".csv"))
      .map((f) => join("fixtures", f));
    expect(fixtures.length).toBeGreaterThanOrEqual(4);
    for (const file of fixtures) await expectSame([file]);
    await expectSame(fixtures.filter((f) => !f.includes("gbk")));
  });

  it("on every file of the bad-input corpus", async () => {
    const files = readdirSync("test/corpus").filter((f) => f.endsWith(".csv"));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) await expectSame([join("test/corpus", f)]);
  });

  it("on a clean hourly file, which the fast reader reads to the end (each: city and station)", async () => {
    const out = await expectSame([write([HEADER, ...cleanRows(40)].join("\n") + "\n")], CITY_TARGETS);
    const report = JSON.parse(out) as { results: { id: string; actual: number | null }[] };
    // Two cities, three stations, and the registry area: the results name each.
    expect(report.results.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        "city.pm25/衡阳市",
        "city.pm25/株洲市",
        "station.good/1001A",
        "station.good/2001A",
        "area.o3",
      ]),
    );
  });

  const damaged: [string, (rows: string[]) => string | Uint8Array][] = [
    // The damage is made to whichever station the line is (the city is the second field).
    ["a quoted field mid-file", (r) => lines(r, 48, (l) => l.replace(/^([^,]*),([^,]*),/, '$1,"$2",'))],
    ["an unbalanced quote mid-file", (r) => lines(r, 51, (l) => l.replace(/^([^,]*),/, '$1,"'))],
    ["a stray quote inside a field", (r) => lines(r, 52, (l) => l.replace(/^([^,]*),(.)/, '$1,$2"'))],
    ["text after a closing quote", (r) => lines(r, 54, (l) => l.replace(/^([^,]*),(.)/, '$1,"$2"'))],
    [
      "blank lines, then a quote never closed",
      (r) => lines(r, 55, (l) => `\n\n${l.replace(/^([^,]*),/, '$1,"')}`),
    ],
    ["a lone CR line end", (r) => lines(r, 50, (l) => `${l}\r${l.replace("1001A", "1002A")}`)],
    ["CRLF line ends", (r) => [HEADER, ...r].join("\r\n") + "\r\n"],
    ["no final line break", (r) => [HEADER, ...r].join("\n")],
    ["a BOM at the start", (r) => "\ufeff" + [HEADER, ...r].join("\n") + "\n"],
    ["blank lines", (r) => lines(r, 30, (l) => `\n\n${l}\n`)],
    ["a space at a field's edge", (r) => lines(r, 40, (l) => l.replace(",", " ,"))],
    [
      "an ideographic space at a field's edge",
      (r) => lines(r, 40, (l) => l.replace(/^([^,]*),([^,]*)/, "$1,$2\u3000")),
    ],
    ["a row outside the plan year", (r) => lines(r, 60, (l) => l.replace("2019-01", "2018-01"))],
    [
      "40 rows of the year before and 40 of the year after (more than the warnings listed)",
      (r) =>
        [
          HEADER,
          ...r.map((l, i) =>
            i < 40
              ? l.replace("2019-01", "2018-03")
              : i >= r.length - 40
                ? l.replace("2019-01", "2020-12")
                : l,
          ),
        ].join("\n") + "\n",
    ],
    [
      "an unknown station without a city",
      (r) => lines(r, 60, (l) => l.replace(/^[^,]*,[^,]*,[^,]*/, "9999A,,")),
    ],
    ["a duplicated station-hour", (r) => lines(r, 62, (l) => `${l}\n${l}`)],
    ["PM2.5 above PM10 (HY-RATIO)", (r) => lines(r, 63, (l) => l.replace(/,(\d+),(\d+),/, ",300,20,"))],
    ["CO in ug/m3 (HY-CO-UNIT)", (r) => lines(r, 64, (l) => l.replace(/,[\d.]*$/, ",800"))],
    ["a missing marker and NA", (r) => lines(r, 65, (l) => l.replace(/,(\d+),(\d+),/, ",-,NA,"))],
    ["a negative value", (r) => lines(r, 66, (l) => l.replace(/,(\d+),/, ",-5,"))],
    ["a value in exponent form", (r) => lines(r, 67, (l) => l.replace(/,(\d+),/, ",1e1,"))],
    ["a huge value", (r) => lines(r, 68, (l) => l.replace(/,(\d+),/, ",123456789,"))],
    // The line loop reads values of up to four digits as one 32-bit word: its edges, and bytes beside '0'-'9'.
    [
      "zero-padded, four- and five-digit values",
      (r) => lines(r, 68, (l) => l.replace(/,(\d+),(\d+),(\d+),/, ",0042,1234,12345,")),
    ],
    ["a value with a slash among its digits", (r) => lines(r, 68, (l) => l.replace(/,(\d+),/, ",1/2,"))],
    ["a value with a colon among its digits", (r) => lines(r, 68, (l) => l.replace(/,(\d+),/, ",12:3,"))],
    ["a one-digit value last on its line", (r) => lines(r, 68, (l) => l.replace(/,[\d.]*$/, ",7"))],
    ["a leading-dot value", (r) => lines(r, 69, (l) => l.replace(/,(\d+),/, ",.5,"))],
    ["a thousands separator", (r) => lines(r, 70, (l) => l.replace(/,(\d+),/, ',"1,234",'))],
    ["a missing field", (r) => lines(r, 71, (l) => l.replace(/,[^,]*$/, ""))],
    ["an extra field", (r) => lines(r, 72, (l) => `${l},9`)],
    ["an empty station", (r) => lines(r, 75, (l) => l.replace(/^[^,]*/, ""))],
    ["a date in another format", (r) => lines(r, 74, (l) => l.replace(/2019-01-0(\d) /, "2019/1/$1 "))],
    ["an hour 24:00 label", (r) => lines(r, 75, (l) => l.replace(/ \d\d:00/, " 24:00"))],
    ["a bad time", (r) => lines(r, 76, (l) => l.replace(/ \d\d:00/, " 25:00"))],
    [
      "bytes that are not UTF-8 mid-file",
      (r) => {
        const head = Buffer.from([HEADER, ...r.slice(0, 80)].join("\n") + "\n");
        const bad = Buffer.from([0x31, 0x30, 0x30, 0x31, 0x41, 0x2c, 0xb1, 0xb1, 0x0a]);
        return Buffer.concat([head, bad, Buffer.from(r.slice(80).join("\n") + "\n")]);
      },
    ],
    ["a 2 MiB line", (r) => lines(r, 90, (l) => `${l}\n${"x".repeat(2 << 20)}`)],
  ];

  function lines(rows: string[], at: number, change: (line: string) => string): string {
    const copy = [...rows];
    const changed = change(copy[at] ?? "");
    // A case that leaves its line as it was would test nothing.
    expect(changed).not.toBe(copy[at]);
    copy[at] = changed;
    return [HEADER, ...copy].join("\n") + "\n";
  }

  /** Damage that stops the reading (exit 2) in both readers; every other case gives a report. */
  const STOPS: Record<string, string> = {
    "an unbalanced quote mid-file": "HY-CSV",
    "a stray quote inside a field": "HY-CSV",
    "text after a closing quote": "HY-CSV",
    "blank lines, then a quote never closed": "HY-CSV",
    "bytes that are not UTF-8 mid-file": "HY-ENCODING",
  };

  it.each(damaged)("with %s", async (name, make) => {
    const out = await expectSame([write(make(cleanRows(3)))], CITY_TARGETS);
    const stop = STOPS[name];
    if (stop) expect(out).toMatch(new RegExp(`^InputError [^]*\\[${stop}\\]`));
    else expect(out).toMatch(/^\{/);
  });

  // The first MiB of a file is parsed by csv-parse as the header is read, so a CSV error there is reported by
  // it whatever the reader. Here 400 rows of 2018 (read, outside the plan year), each with a county name
  // of 1,000 characters, come before each damaged file's rows, so that the damage lies past that first
  // MiB, where the fast reader hands over to csv-parse.
  // The line loop in WebAssembly hands over the first line of each time and place (readLine learns them), so a
  // damaged line that is the first of its hour never meets it: here every damaged line comes later in its
  // hour (the rows start one station later), and the loop must hand it over as the JavaScript loop reads it.
  it.each(damaged)("with %s where the WebAssembly line loop meets it", async (_, make) => {
    expect(usesWasmLines()).toBe(true);
    for (const skip of [1, 2]) await expectSame([write(make(cleanRows(3).slice(skip)))], CITY_TARGETS);
  });

  // A column no target reads: its edges are the only ones the WebAssembly loop checks for spaces itself.
  it("with a space at the edge of a column no role reads, where the WebAssembly line loop meets it", async () => {
    const rows = cleanRows(3).map((l, i) => `${l},${i === 40 ? "note " : i === 44 ? "\tnote" : "note"}`);
    const file = write([`${HEADER},remark`, ...rows].join("\n") + "\n");
    expect(await expectSame([file], CITY_TARGETS)).toMatch(/^\{/);
  });

  it("with every kind of damage past the first MiB", async () => {
    const county = "县".repeat(1000);
    const before = Buffer.from(
      Array.from({ length: 400 }, (_, h) => {
        const date = new Date(Date.UTC(2018, 0, 1, h));
        const time = `${date.toISOString().slice(0, 10)} ${String(date.getUTCHours()).padStart(2, "0")}:00`;
        return `9001A,衡阳市,${county},${time},30,50,5,20,60,0.5\n`;
      }).join(""),
    );
    expect(before.length).toBeGreaterThan(1.1 * (1 << 20));
    for (const [, make] of damaged) {
      const bytes = Buffer.from(make(cleanRows(3)));
      const body = bytes.indexOf(0x0a) + 1;
      const file = write(Buffer.concat([bytes.subarray(0, body), before, bytes.subarray(body)]));
      await expectSame([file], CITY_TARGETS);
    }
  }, 120_000);

  // Large files are parsed by worker threads in chunks; here every file goes to them, in 1 KiB chunks, so
  // that lines fall across many chunk boundaries (records are still applied in file order).
  it("with worker threads and 1 KiB chunks, on the clean file and every kind of damage", async () => {
    // Two workers (one is the default on 2 cores): each keeps its own place ids.
    await withEnv(
      { HY_FAST_WORKERS_MIN_BYTES: "0", HY_FAST_CHUNK_BYTES: "1024", HY_FAST_WORKERS: "2" },
      async () => {
        await expectSame([write([HEADER, ...cleanRows(20)].join("\n") + "\n")], CITY_TARGETS);
        for (const [, make] of damaged) await expectSame([write(make(cleanRows(3)))], CITY_TARGETS);
      },
    );
  }, 120_000);

  // The worker's line loop writes its records into a slot of the store's memory, room for a chunk of 32-byte
  // lines (1 KiB: 32 records); shorter lines fill it mid-chunk, and the rest of the chunk is read by the
  // JavaScript loop: the records of both must be the file's, in order.
  it("with worker threads and lines too short for a record slot", async () => {
    const rows = cleanRows(20).map((row) => {
      const [code, , , time, pm25] = row.split(",");
      return `${code},${time},${pm25}`;
    });
    expect(Math.max(...rows.map((r) => r.length))).toBeLessThan(32);
    await withEnv({ HY_FAST_WORKERS_MIN_BYTES: "0", HY_FAST_CHUNK_BYTES: "1024" }, async () => {
      await expectSame([write(["station_code,datetime,PM2.5", ...rows].join("\n") + "\n")], CITY_TARGETS);
    });
  }, 60_000);

  // The main thread may parse a share of the chunks itself (HY_FAST_MAIN_SHARE; none by default with the
  // WebAssembly loops): none, every one and one in two give the same.
  it.each(["0", "1", "2"])(
    "with the main thread parsing one chunk in %s (0: none)",
    async (share) => {
      await withEnv(
        { HY_FAST_WORKERS_MIN_BYTES: "0", HY_FAST_CHUNK_BYTES: "1024", HY_FAST_MAIN_SHARE: share },
        async () => {
          await expectSame([write([HEADER, ...cleanRows(20)].join("\n") + "\n")], CITY_TARGETS);
          for (const [, make] of damaged.slice(0, 4))
            await expectSame([write(make(cleanRows(3)))], CITY_TARGETS);
        },
      );
    },
    120_000,
  );

  // Line n of the file is rows[n - 2] (line 1 is the header). 700 days of 3 stations: 50,400 rows, past the
  // fast reader's first 8 MiB buffer on this thread and over many chunks in the workers.
  describe("positions far into a file are the file's lines (issue 18)", () => {
    const rows = cleanRows(700);
    const at = (line: number, change: (row: string) => string) => {
      const copy = [...rows];
      copy[line - 2] = change(copy[line - 2] ?? "");
      expect(copy[line - 2]).not.toBe(rows[line - 2]);
      return write([HEADER, ...copy].join("\n") + "\n");
    };
    // Line 50,001 is rows[49,999]: station 1002A (49,999 mod 3 = 1), city 衡阳市 in the second field.
    const strayQuote = at(50_001, (l) => l.replace("衡阳市", '衡"阳市'));
    // Line 50,003 (rows[50,001], 2001A): hour 25 in the datetime, the fourth field: a rejected row.
    const badHour = at(50_003, (l) => l.replace(/ \d\d:00/, " 25:00"));

    async function expectPositions(): Promise<void> {
      await expectSame([strayQuote], CITY_TARGETS);
      for (const reader of ["fast", "plain"] as const) {
        const cli = await runCli([strayQuote], reader, CITY_TARGETS);
        expect(cli.status).toBe(2);
        expect(cli.stderr).toContain(`${strayQuote}:50001:2 `);
        expect(cli.stderr).toContain("at line 50001");
      }
      const report = JSON.parse(await expectSame([badHour], CITY_TARGETS)) as {
        inputs: { rejectedRows: number; rejected: { line: number; col: number }[] }[];
      };
      expect(report.inputs[0]?.rejectedRows).toBe(1);
      expect(report.inputs[0]?.rejected[0]).toMatchObject({ line: 50_003, col: 4 });
    }

    it("on this thread", expectPositions, 60_000);

    it("in worker threads (64 KiB chunks)", async () => {
      await withEnv(
        { HY_FAST_WORKERS_MIN_BYTES: "0", HY_FAST_CHUNK_BYTES: String(64 << 10) },
        expectPositions,
      );
    }, 60_000);
  });

  it("with random damage (fast-check, fixed seed)", async () => {
    const base = cleanRows(2, 11);
    const damage = fc.record({
      at: fc.nat({ max: base.length - 1 }),
      pos: fc.nat({ max: 60 }),
      text: fc.constantFrom('"', "\r", ",", " ", "\n", "x", "-", ".", "9", "\u3000", "\ufeff", "é", ""),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(damage, { maxLength: 4 }), async (damages) => {
        const rows = [...base];
        for (const d of damages) {
          const line = rows[d.at] ?? "";
          const pos = Math.min(d.pos, line.length);
          rows[d.at] = line.slice(0, pos) + d.text + line.slice(pos);
        }
        await expectSame([write([HEADER, ...rows].join("\n") + "\n")], CITY_TARGETS);
      }),
      {
        seed: 20190101,
        numRuns: Number(process.env.HY_FUZZ_RUNS) > 0 ? Number(process.env.HY_FUZZ_RUNS) : 40,
      },
    );
  }, 120_000);
});

interface MakeNational {
  generate: (options: { size: string; write: (text: string) => void }) => { rows: number };
}

/** Lines of a file's body in an order drawn from a fixed seed (Fisher-Yates), the header first. */
function shuffled(text: string, seed: number): string {
  const [header, ...body] = text.trimEnd().split("\n");
  let state = seed;
  for (let i = body.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [body[i], body[j]] = [body[j] ?? "", body[i] ?? ""];
  }
  return [header, ...body].join("\n") + "\n";
}

interface OrderReport {
  inputs: { timeOrder?: string; outOfOrder?: { line: number; station: string; date: string } }[];
}

describe("days finished as they are read (issue 21)", () => {
  it("a national S file and a shuffled copy: the same JSON streamed, held and read plain", async () => {
    const make = (await import(
      new URL("../scripts/make-national.mjs", import.meta.url).href
    )) as MakeNational;
    const parts: string[] = [];
    expect(make.generate({ size: "S", write: (text) => parts.push(text) }).rows).toBe(438_000);
    const ordered = write(parts.join(""));
    const targets = "targets/gb3095-2012-class2.yaml";
    const streamed = await run([ordered], "fast", targets);
    expect(await run([ordered], "fast", targets, false)).toBe(streamed);
    expect((JSON.parse(streamed) as OrderReport).inputs[0]?.timeOrder).toBe("ordered");

    // Shuffled: streamed (it reads the file again, holding every hour) and held give the same JSON; the
    // plain reader, ten times slower, reads a shuffled copy of the first 30 days (all three paths).
    const all = parts.join("");
    const mixed = write(shuffled(all, 21));
    const out = await run([mixed], "fast", targets);
    expect(await run([mixed], "fast", targets, false)).toBe(out);
    expect((JSON.parse(out) as OrderReport).inputs[0]?.timeOrder).toBe("unordered");
    // The rows are the same, only their order differs: so are the results.
    const results = (json: string) => JSON.stringify((JSON.parse(json) as { results: unknown }).results);
    expect(results(out)).toBe(results(streamed));
    const month = all.slice(0, all.indexOf("\n", all.indexOf("2019-01-31 00:00")) + 1);
    await expectSame([write(shuffled(month, 8))], targets);
  }, 120_000);

  // Line 2 is the header's next line: rows of 1001A, one per hour from 2019-01-01 01:00 (hour-ending: the
  // 2019-01-01 natural day's first slot).
  const hourRow = (h: number, station = "1001A") => {
    const date = new Date(Date.UTC(2019, 0, 1, h + 1));
    const time = `${date.toISOString().slice(0, 10)} ${String(date.getUTCHours()).padStart(2, "0")}:00`;
    return `${station},衡阳市,珠晖区,${time},30,50,5,20,60,0.5`;
  };

  it("a row one day behind the latest is in order; two days behind is not, and names its line", async () => {
    // Days 1-3 of January in order; then a row of January 2 (one day behind January 3): still in order.
    const rows = Array.from({ length: 72 }, (_, h) => hourRow(h));
    rows.push(hourRow(30, "1002A"));
    const oneBack = write([HEADER, ...rows].join("\n") + "\n");
    const inOrder = JSON.parse(await expectSame([oneBack], CITY_TARGETS)) as OrderReport;
    expect(inOrder.inputs[0]).toMatchObject({ timeOrder: "ordered" });
    expect(inOrder.inputs[0]?.outOfOrder).toBeUndefined();

    // A row of January 1 after January 3: line 1 (header) + 73 rows + this one = line 75.
    rows.push(hourRow(5, "1002A"));
    const twoBack = write([HEADER, ...rows].join("\n") + "\n");
    const unordered = JSON.parse(await expectSame([twoBack], CITY_TARGETS)) as OrderReport;
    expect(unordered.inputs[0]).toMatchObject({
      timeOrder: "unordered",
      outOfOrder: { line: 75, station: "1002A", date: "2019-01-01" },
    });

    const report = await validate([twoBack], { targets: CITY_TARGETS });
    expect(report.findings).toContainEqual(
      expect.objectContaining({ severity: "warning", code: "HY-ORDER", line: 75 }),
    );
    const clean = await validate([oneBack], { targets: CITY_TARGETS });
    expect(clean.findings.map((f) => f.code)).not.toContain("HY-ORDER");
  });
});

describe("the WebAssembly loops (issue 21)", () => {
  it("are built and used: the line loop, and the apply loop on a streaming store's shared arrays", async () => {
    const { createHourlyStore, stationRecord, areaSeries } = await import("../src/data/hourly-store.js");
    const { WasmApply } = await import("../src/data/kinds/air-hourly/apply-wasm.js");
    expect(usesWasmLines()).toBe(true);
    const streaming = createHourlyStore(2019, { streamDays: true });
    expect(WasmApply.forStore(streaming)).not.toBeNull();
    // The apply loop adds to the store's own arrays: they are in its shared memory.
    expect(stationRecord(streaming, "1001A", "甲区").seen.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(areaSeries(streaming, "甲区").sum.buffer).toBeInstanceOf(SharedArrayBuffer);
    // Holding every hour (out-of-order input), the store has ordinary arrays and JavaScript adds every row.
    const held = createHourlyStore(2019, { streamDays: false });
    expect(WasmApply.forStore(held)).toBeNull();
    expect(stationRecord(held, "1001A", "甲区").seen.buffer).toBeInstanceOf(ArrayBuffer);
  });
});
