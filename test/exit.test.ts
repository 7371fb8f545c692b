import { describe, expect, it } from "vitest";
import type { Status } from "../src/engine/compare.js";
import type { CheckReport, TargetResult } from "../src/engine/result.js";
import { createInputReport } from "../src/data/input-report.js";
import { getExitCode, type FailOn } from "../src/exit.js";

function result(status: Status, informational = false): TargetResult {
  return {
    id: `t.${status}`,
    title: status,
    clause: "二(一)",
    family: "air",
    clauseText: "",
    quote: "",
    status,
    informational,
    actual: null,
    decimals: 0,
    unit: "%",
    op: ">=",
    target: 80,
    tolerance: null,
    margin: null,
    validDays: null,
    detail: {},
  };
}

function report(statuses: Status[], rejectedRows = 0, informational = false): CheckReport {
  return {
    schemaVersion: 1,
    plan: { title: "", year: 2019, targetsFile: "" },
    standards: { aqi: "", assessment: "", limits: "", rounding: "" },
    dayValidity: "complete",
    hourConvention: null,
    asOf: "2019-12-31",
    window: { from: "2019-01-01", to: "2019-12-31" },
    skippedFiles: [],
    waivers: [],
    inputs: rejectedRows
      ? [{ ...createInputReport("a.csv", "air-daily", "utf-8"), rows: 10, rejectedRows }]
      : [],
    results: statuses.map((s) => result(s, informational)),
    summary: {
      pass: 0,
      warn: 0,
      fail: 0,
      noData: 0,
      indicative: 0,
      definite: 0,
      noDataThin: 0,
      manual: 0,
      notChecked: 0,
    },
  };
}

describe("getExitCode: which statuses fail the run", () => {
  it.each<[FailOn, Status[], number]>([
    ["fail", ["pass", "warn", "no-data"], 0],
    ["fail", ["pass", "fail"], 1],
    ["warn", ["pass", "no-data"], 0],
    ["warn", ["pass", "warn"], 1],
    ["no-data", ["pass", "no-data"], 1],
    ["no-data", ["pass", "pass"], 0],
    ["never", ["fail", "warn", "no-data"], 0],
  ])("--fail-on %s with %j exits %i", (failOn, statuses, code) => {
    expect(getExitCode(report(statuses), failOn, 0)).toBe(code);
  });

  it("a target whose kind of data was not given never fails the run, even with --fail-on no-data", () => {
    const r = report(["pass", "no-data"]);
    r.results[1]!.detail = { reasonCode: "no-input" };
    expect(getExitCode(r, "no-data", 0)).toBe(0);
    r.results[1]!.detail = { reasonCode: "insufficient" };
    expect(getExitCode(r, "no-data", 0)).toBe(1);
  });

  it("an informational target never fails the run", () => {
    expect(getExitCode(report(["fail"], 0, true), "fail", 0)).toBe(0);
  });

  it("rejected rows over --max-rejected exit 2 even when every target passes", () => {
    expect(getExitCode(report(["pass"], 3), "fail", 0)).toBe(2);
    expect(getExitCode(report(["pass"], 3), "fail", 2)).toBe(2);
    expect(getExitCode(report(["pass"], 3), "fail", 3)).toBe(0);
    expect(getExitCode(report(["fail"], 3), "fail", 3)).toBe(1);
  });
});
