// The water targets end to end on fixtures/hengyang-2019-water.csv (made by scripts/make-water.mjs).
// Every expected class below is worked out by hand from GB 3838-2002 Table 1 and the generator's patterns.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runCliJson } from "./helpers/run-cli.js";

interface Section {
  section: string;
  river: string;
  waterbody: string;
  class: string | null;
  samplings: number;
  meets: boolean | null;
  sufficient: boolean;
  baselineClass?: string | null;
  deciding: { parameter: string; class: string; value: number; exceedance?: number }[];
}
interface Result {
  id: string;
  status: string;
  actual: number | null;
  margin: number | null;
  unit: string;
  detail: { sections?: Section[]; reasonCode?: string };
}
interface Report {
  inputs: { kind: string; rows: number; rejectedRows: number }[];
  results: Result[];
}

const WATER = "fixtures/hengyang-2019-water.csv";

describe(`hy-check ${WATER} --format json`, () => {
  const run = runCliJson<Report>([WATER, "--format", "json"]);
  const result = (id: string) => {
    const r = run.json.results.find((x) => x.id === id);
    if (!r) throw new Error(`no result ${id}`);
    return r;
  };
  const section = (id: string, name: string) => result(id).detail.sections?.find((s) => s.section === name);

  it("reads the export as monthly water data: 2 years x 12 months x 6 sections, less one missing sampling", () => {
    expect(run.json.inputs).toEqual([
      expect.objectContaining({ kind: "water-monthly", rows: 143, rejectedRows: 0 }),
    ]);
  });

  it("exits 1: the Xiangjiang mainstream target fails", () => {
    expect(run.status).toBe(1);
  });

  it("water.sections.class: all four assessed sections are Class III or better (drinking sources are not among them)", () => {
    // 归阳镇 II (NH3-N 0.35, TP 0.07, CODMn 2.6); 熬洲 III (TP mean (0.11+0.13)/2 = 0.12 > 0.1);
    // 蒸水河口 III: NH3-N (1.4 + 11 x 0.8) / 12 = 0.85 (Class IV in January only); 耒水河口 II on 11 samplings.
    const r = result("water.sections.class");
    expect([r.status, r.actual, r.margin]).toEqual(["pass", 100, 0]);
    const classes = Object.fromEntries(
      (r.detail.sections ?? []).map((s) => [s.section, [s.class, s.samplings]]),
    );
    expect(classes).toEqual({
      归阳镇: ["II", 12],
      熬洲: ["III", 12],
      蒸水河口: ["III", 12],
      耒水河口: ["II", 11],
    });
    expect(section("water.sections.class", "蒸水河口")?.deciding).toEqual([
      { parameter: "NH3N", class: "III", value: 0.85 },
    ]);
  });

  it("water.xiangjiang.class: 1 of the 2 mainstream sections is Class II: 50.0 %, fail, 熬洲 listed first with TP 0.2x over the Class II limit", () => {
    const r = result("water.xiangjiang.class");
    expect([r.status, r.actual, r.margin]).toEqual(["fail", 50, -50]);
    expect(r.detail.sections?.map((s) => [s.section, s.class, s.meets])).toEqual([
      ["熬洲", "III", false],
      ["归阳镇", "II", true],
    ]);
    // (0.12 - 0.1) / 0.1 = 0.2
    expect(section("water.xiangjiang.class", "熬洲")?.deciding).toEqual([
      {
        parameter: "TP",
        class: "III",
        value: 0.12,
        exceedance: expect.closeTo(0.2, 10) as unknown as number,
      },
    ]);
  });

  it("water.drinking.compliance: both sources comply, the reservoir on the lake TP limits with total nitrogen assessed separately", () => {
    // 斗山桥水库: TP 0.02 is lake Class II (I <= 0.01, II <= 0.025); its TN 1.2-1.8 would be lake Class IV-V if
    // it entered the class. Fe (6 x 0.25 + 6 x 0.15) / 12 = 0.2 <= 0.3 (Table 2).
    const r = result("water.drinking.compliance");
    expect([r.status, r.actual]).toEqual(["pass", 100]);
    expect(r.detail.sections?.map((s) => [s.section, s.waterbody, s.class, s.meets])).toEqual([
      ["城北水厂", "river", "II", true],
      ["斗山桥水库", "lake", "II", true],
    ]);
  });

  it("water.sections.declined: 蒸水河口 went from Class II in 2018 (NH3-N 0.45) to III: 1 section, an informational fail", () => {
    const r = result("water.sections.declined");
    expect([r.status, r.actual, r.unit]).toEqual(["fail", 1, "sections"]);
    expect(section("water.sections.declined", "蒸水河口")).toMatchObject({
      baselineClass: "II",
      class: "III",
      meets: false,
    });
    expect(section("water.sections.declined", "熬洲")).toMatchObject({
      baselineClass: "III",
      class: "III",
      meets: true,
    });
  });

  it("the air targets are no-data: no air data among the inputs", () => {
    const air = run.json.results.filter((x) => x.id.startsWith("air."));
    expect(air.every((x) => x.status === "no-data" && x.detail.reasonCode === "no-input")).toBe(true);
  });
});

describe("hy-check <hand-written water exports>", () => {
  const dir = mkdtempSync(join(tmpdir(), "hy-water-"));
  const write = (name: string, rows: string[]) => {
    const file = join(dir, name);
    writeFileSync(file, ["section,river,date,DO,NH3-N,TP,CODMn", ...rows].join("\n"));
    return file;
  };
  const months = (value: (m: number) => string) =>
    Array.from({ length: 12 }, (_, m) => `X,湘江,2019-${String(m + 1).padStart(2, "0")}-10,${value(m)}`);

  it("English headers and below-detection values: 0.01L NH3-N is Class I, and 8 samplings suffice", () => {
    const file = write("en.csv", months(() => "8.0,0.01L,0.02,1.5").slice(0, 8));
    const run = runCliJson<Report>([file, "--format", "json"]);
    const r = run.json.results.find((x) => x.id === "water.xiangjiang.class");
    // DO 8.0 I, NH3-N not detected I, TP 0.02 I (<= 0.02), CODMn 1.5 I: Class I.
    expect(r?.detail.sections?.[0]).toMatchObject({
      section: "X",
      class: "I",
      samplings: 8,
      sufficient: true,
    });
    expect(r?.status).toBe("pass");
  });

  it("7 samplings are not enough for an annual class: no-data", () => {
    const file = write("seven.csv", months(() => "8.0,0.2,0.02,1.5").slice(0, 7));
    const r = runCliJson<Report>([file, "--format", "json"]).json.results.find(
      (x) => x.id === "water.xiangjiang.class",
    );
    expect(r?.status).toBe("no-data");
    expect(r?.detail.reasonCode).toBe("insufficient-samplings");
  });

  it("a value that is not a number is a rejected row at its cell (exit 2); a section sampled twice on a date too", () => {
    const file = write("bad.csv", [
      ...months(() => "8.0,0.2,0.02,1.5"),
      "X,湘江,2019-03-10,8.0,0.3,0.02,1.5",
      "X,湘江,2019-04-11,8.0,abc,0.02,1.5",
    ]);
    const run = runCli([file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}:14:3`); // the date cell of the second sampling
    expect(run.stderr).toContain("HY-DUP");
    expect(run.stderr).toContain(`${file}:15:5`);
    expect(run.stderr).toContain("HY-NUMBER");
  });
});
