// The date options (--period, --from/--to, --as-of) are checked before any data is read: each mistake is a
// usage error (exit 2, HY-USAGE) naming the option and the range it must lie in. Run in-process through
// main(), for check, report and explain. The calendar facts are worked by hand: 2019 is not a leap year
// (February has 28 days), months run 01 .. 12, the shipped plan's year is 2019.
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expectCleanError, runMain, runMainJson, tempFolder } from "../../test/helpers/run-main.js";

const FIXTURE = "fixtures/hengyang-2019-daily.csv";
const folder = tempFolder("hy-dates-");
const PLAN_2019 = "the plan year 2019 (2019-01-01 .. 2019-12-31)";

// args -> the whole message (en)
const REJECTED: [string[], string][] = [
  [["--period", "2019-13"], "--period 2019-13 is not a month: expected YYYY-MM with the month 01 .. 12"],
  [["--period", "2019-00"], "--period 2019-00 is not a month: expected YYYY-MM with the month 01 .. 12"],
  [["--period", "2019-4"], "--period 2019-4 is not a month: expected YYYY-MM with the month 01 .. 12"],
  [
    ["--from", "2019-02-30", "--to", "2019-03-31"],
    "--from 2019-02-30 is not a calendar date: 2019-02 has the days 01 .. 28",
  ],
  [
    ["--from", "2019-03-01", "--to", "2019-04-31"],
    "--to 2019-04-31 is not a calendar date: 2019-04 has the days 01 .. 30",
  ],
  [
    ["--from", "2019-13-01", "--to", "2019-12-31"],
    "--from 2019-13-01 is not a calendar date: expected YYYY-MM-DD with the month 01 .. 12",
  ],
  [["--as-of", "2019-02-29"], "--as-of 2019-02-29 is not a calendar date: 2019-02 has the days 01 .. 28"],
  [["--as-of", "2019-06-00"], "--as-of 2019-06-00 is not a calendar date: 2019-06 has the days 01 .. 30"],
  [["--as-of", "June"], "--as-of June is not a calendar date: expected YYYY-MM-DD or year-end"],
  [["--from", "2019-05-01", "--to", "2019-04-01"], "--from 2019-05-01 is after --to 2019-04-01"],
  [["--from", "2019-04-01"], "--from and --to go together"],
  [["--to", "2019-04-30"], "--from and --to go together"],
  [
    ["--period", "2019-04", "--from", "2019-04-01", "--to", "2019-04-02"],
    "--period cannot be combined with --from/--to",
  ],
  [["--as-of", "2018-06-30"], `--as-of 2018-06-30 is outside ${PLAN_2019}`],
  [["--period", "2018-04"], `--period 2018-04 is outside ${PLAN_2019}`],
  [["--from", "2018-12-01", "--to", "2019-01-31"], `--from 2018-12-01 is outside ${PLAN_2019}`],
  [["--from", "2019-12-01", "--to", "2020-01-31"], `--to 2020-01-31 is outside ${PLAN_2019}`],
  [
    ["--period", "2019-02", "--as-of", "2019-01-15"],
    "--as-of 2019-01-15 is outside --period 2019-02 (2019-02-01 .. 2019-02-28)",
  ],
  [
    ["--from", "2019-03-01", "--to", "2019-03-31", "--as-of", "2019-04-01"],
    "--as-of 2019-04-01 is outside --from 2019-03-01 --to 2019-03-31 (2019-03-01 .. 2019-03-31)",
  ],
  // year-end is the plan year's last day, outside a February window.
  [
    ["--period", "2019-02", "--as-of", "year-end"],
    "--as-of 2019-12-31 is outside --period 2019-02 (2019-02-01 .. 2019-02-28)",
  ],
  // --year moves the plan year: 2019 dates are then outside it.
  [
    ["--year", "2020", "--as-of", "2019-06-30"],
    "--as-of 2019-06-30 is outside the plan year 2020 (2020-01-01 .. 2020-12-31)",
  ],
];

describe.each(REJECTED)("hy-check <fixture> %j", (args, message) => {
  it("is a usage error naming the option: exit 2, nothing on stdout", async () => {
    const run = await runMain([FIXTURE, "-f", "json", ...args]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`hy-check: ${message}  [HY-USAGE]\n`);
    expectCleanError(run);
  });
});

describe("hy-check report <fixture> with a date option out of range", () => {
  it.each([
    [["--period", "2019-13"], "--period 2019-13 is not a month"],
    [["--as-of", "2018-06-30"], `--as-of 2018-06-30 is outside ${PLAN_2019}`],
    [["--period", "2019-02", "--as-of", "2019-01-15"], "--as-of 2019-01-15 is outside --period 2019-02"],
  ])("%j exits 2 naming the option", async (args, message) => {
    const run = await runMain(["report", FIXTURE, ...args]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("[HY-USAGE]");
  });
});

describe("hy-check explain air.urban.pm25 --as-of <out of range>", () => {
  it.each([
    [["--as-of", "2018-06-30"], `--as-of 2018-06-30 is outside ${PLAN_2019}`],
    [["--as-of", "2019-02-29"], "--as-of 2019-02-29 is not a calendar date"],
  ])("%j exits 2 naming the option", async (args, message) => {
    const run = await runMain(["explain", "air.urban.pm25", FIXTURE, ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe("hy-check <fixture> --lang zh --as-of 2018-06-30", () => {
  it("says it in Chinese", async () => {
    const run = await runMain([FIXTURE, "--lang", "zh", "--as-of", "2018-06-30"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "hy-check: --as-of 2018-06-30 不在计划年度 2019（2019-01-01 .. 2019-12-31）内  [HY-USAGE]\n",
    );
  });
});

interface DatedReport {
  asOf: string;
  window: { from: string; to: string };
}

describe("dates the checks accept", () => {
  it("--as-of year-end stands at the plan year's last day, the whole year evaluated", async () => {
    const run = await runMainJson<DatedReport>([FIXTURE, "-f", "json", "--as-of", "year-end"]);
    expect(run.status).toBe(0);
    expect(run.json.asOf).toBe("2019-12-31");
    expect(run.json.window).toEqual({ from: "2019-01-01", to: "2019-12-31" });
  });

  it("--year 2020 --as-of year-end stands at 2020-12-31", async () => {
    // The fixture's rows moved to 2020 (2020 is a leap year: 29 February is simply missing from the file).
    const data2020 = join(folder.path, "daily-2020.csv");
    writeFileSync(data2020, readFileSync(FIXTURE, "utf8").replace(/^(\uFEFF?)2019\//gm, "$12020/"));
    const run = await runMainJson<DatedReport>([
      data2020,
      "-f",
      "json",
      "--year",
      "2020",
      "--as-of",
      "year-end",
    ]);
    expect(run.json.asOf).toBe("2020-12-31");
  });

  it("--period 2019-02 --as-of 2019-02-28: February, as of its last day", async () => {
    const run = await runMainJson<DatedReport>([
      FIXTURE,
      "-f",
      "json",
      "--period",
      "2019-02",
      "--as-of",
      "2019-02-28",
    ]);
    expect(run.json.window).toEqual({ from: "2019-02-01", to: "2019-02-28" });
    expect(run.json.asOf).toBe("2019-02-28");
  });

  it("--as-of 2020-06-30, after the plan year: the whole year, ledger figures and milestones at that date", async () => {
    const run = await runMainJson<DatedReport>([FIXTURE, "-f", "json", "--as-of", "2020-06-30"]);
    expect(run.json.asOf).toBe("2020-06-30");
    expect(run.json.window).toEqual({ from: "2019-01-01", to: "2019-12-31" });
  });

  it("--from 2019-01-01 --to 2019-12-31 is the whole plan year", async () => {
    const run = await runMainJson<DatedReport>([
      FIXTURE,
      "-f",
      "json",
      "--from",
      "2019-01-01",
      "--to",
      "2019-12-31",
    ]);
    expect(run.status).toBe(0);
    expect(run.json.window).toEqual({ from: "2019-01-01", to: "2019-12-31" });
  });
});
