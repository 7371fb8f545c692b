// --as-of inside the year (year to date with projection) and --period / --from / --to windows, end to end.
import { describe, expect, it } from "vitest";
import { runCli, runCliJson } from "./helpers/run-cli.js";

interface Report {
  asOf: string;
  window: { from: string; to: string };
  results: {
    id: string;
    status: string;
    validDays: number | null;
    projection?: {
      status: string;
      remainingDays: number;
      allowedNonGoodDays?: number;
      season?: { pattern: string };
    };
  }[];
}
const FIXTURE = "fixtures/hengyang-2019-daily.csv";

describe(`hy-check ${FIXTURE} --as-of 2019-06-30 --format json`, () => {
  const run = runCliJson<Report>([FIXTURE, "--as-of", "2019-06-30", "--format", "json"]);
  const r = (id: string) => run.json.results.find((x) => x.id === id);

  it("evaluates the air targets on January to June (181 days) and projects them over the 184 days left", () => {
    expect(run.json.window).toEqual({ from: "2019-01-01", to: "2019-06-30" });
    expect(run.json.asOf).toBe("2019-06-30");
    expect(r("air.urban.good_rate")?.validDays).toBe(181);
    expect(r("air.urban.good_rate")?.projection?.remainingDays).toBe(184);
    expect(r("air.urban.pm25")?.projection?.remainingDays).toBe(184);
  });

  it("gives the counties' mean an outlook on the season but no allowance; a percentile none", () => {
    expect(r("air.counties.good_rate")?.projection?.season?.pattern).toBe("default-profile");
    expect(r("air.counties.good_rate")?.projection?.allowedNonGoodDays).toBeUndefined();
    expect(r("air.urban.co_p95")?.projection).toBeUndefined();
  });
});

describe(`hy-check ${FIXTURE} --period 2019-04`, () => {
  it("evaluates April alone, without projection", () => {
    const run = runCliJson<Report>([FIXTURE, "--period", "2019-04", "--format", "json"]);
    expect(run.json.window).toEqual({ from: "2019-04-01", to: "2019-04-30" });
    const rate = run.json.results.find((x) => x.id === "air.urban.good_rate");
    expect(rate?.validDays).toBe(30);
    expect(rate?.projection).toBeUndefined();
  });

  it.each([
    [["--period", "2019-4"], "--period"],
    [["--from", "2019-04-01"], "--from and --to go together"],
    [["--from", "2019-05-01", "--to", "2019-04-01"], "is after --to"],
    [["--period", "2019-04", "--from", "2019-04-01", "--to", "2019-04-02"], "cannot be combined"],
    [["--as-of", "2019-02-30"], "not a calendar date"],
  ])("%j is a usage error (exit 2)", (args, message) => {
    const run = runCli([FIXTURE, ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
