import { describe, expect, it } from "vitest";
import { evaluationYear, isStandardTargetFile } from "../../src/data/data-years.js";
import { createInputReport, type InputReport } from "../../src/data/input-report.js";
import { InputError } from "../../src/errors.js";

function input(file: string, rows: number, from: string | null, to: string | null): InputReport {
  return { ...createInputReport(file, "air-daily", "utf-8"), rows, from, to };
}

const plan = { planYear: 2019, standard: false, targetsFile: "plan.yaml" };
const standard = { ...plan, standard: true };

function problems(result: number | InputError) {
  expect(result).toBeInstanceOf(InputError);
  return (result as InputError).problems;
}

describe("the year a run evaluates", () => {
  it("a plan file evaluates its plan year, data of that year", () => {
    expect(evaluationYear([input("a.csv", 3, "2019-01-01", "2019-01-03")], plan)).toBe(2019);
  });

  it("a plan file with data of 2023 only stops (HY-YEAR), naming 2023", () => {
    const [p] = problems(evaluationYear([input("a.csv", 3, "2023-01-01", "2023-01-03")], plan));
    expect(p).toMatchObject({ code: "HY-YEAR", file: "a.csv" });
    expect(p?.message).toMatch(/2023-01-01 \.\. 2023-01-03.*outside 2019.*cover 2023.*--year 2023/);
  });

  it("--year outside the data stops too", () => {
    const p = problems(
      evaluationYear([input("a.csv", 3, "2019-01-01", "2019-01-03")], { ...plan, requestedYear: 2020 }),
    );
    expect(p[0]?.message).toMatch(/outside 2020.*cover 2019/);
  });

  it("a standard file without --year evaluates the data's year", () => {
    expect(evaluationYear([input("a.csv", 3, "2023-03-01", "2023-03-03")], standard)).toBe(2023);
  });

  it("hourly data ending at 00:00 of 1 January (a day of the previous year at the start) is its year", () => {
    // Hour-ending labels: 2023-01-01 00:00 is the last hour of 2022-12-31, one day of 2022 and 365 of 2023.
    expect(evaluationYear([input("h.csv", 8760, "2022-12-31", "2023-12-31")], standard)).toBe(2023);
  });

  it("a standard file over two years with more than a month each asks for --year", () => {
    const p = problems(evaluationYear([input("a.csv", 600, "2019-01-01", "2020-08-31")], standard));
    expect(p[0]).toMatchObject({ code: "HY-YEAR", file: "a.csv" });
    expect(p[0]?.message).toMatch(/2019, 2020.*--year/);
  });

  it("--year wins over the data's year for a standard file", () => {
    const inputs = [input("a.csv", 600, "2019-01-01", "2020-08-31")];
    expect(evaluationYear(inputs, { ...standard, requestedYear: 2020 })).toBe(2020);
  });

  it("no data rows in any input stops (HY-EMPTY), each file named", () => {
    const p = problems(evaluationYear([input("a.csv", 0, null, null), input("b.csv", 0, null, null)], plan));
    expect(p.map((x) => [x.file, x.code])).toEqual([
      ["a.csv", "HY-EMPTY"],
      ["b.csv", "HY-EMPTY"],
    ]);
  });

  it("a header-only file beside a file with data is fine; rows that were all rejected keep the plan year", () => {
    const inputs = [input("a.csv", 0, null, null), input("b.csv", 2, "2019-05-01", "2019-05-02")];
    expect(evaluationYear(inputs, plan)).toBe(2019);
    expect(evaluationYear([input("c.csv", 2, null, null)], plan)).toBe(2019);
  });
});

describe("standard target files", () => {
  it("are those whose every target quotes a standard document", () => {
    expect(isStandardTargetFile([{ source: { document: "GB 3095-2012" } }])).toBe(true);
    expect(isStandardTargetFile([{ source: { document: "GB 3095-2012" } }, { source: {} }])).toBe(false);
    expect(isStandardTargetFile([])).toBe(false);
  });
});
