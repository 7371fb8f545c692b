// buildView: what every format but JSON shows, in the chosen language.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { check } from "../../src/check.js";
import type { CheckReport, TargetResult } from "../../src/engine/result.js";
import { buildView, resultReason } from "../../src/report/view.js";
import { ROOT } from "../helpers/run-cli.js";

const WATER = join(ROOT, "fixtures/hengyang-2019-water.csv");

describe("resultReason", () => {
  it("renders the reason code with its parameters in the chosen language", () => {
    const detail = {
      reasonCode: "no-area-data",
      reason: "no data for 衡南县",
      reasonParams: { area: "衡南县" },
    };
    expect(resultReason(detail, "zh")).toBe("衡南县 没有数据");
    expect(resultReason(detail, "en")).toBe("no data for 衡南县");
  });

  it("says a manual target's reason, which has no parameters, in the chosen language", () => {
    expect(resultReason({ reasonCode: "manual", reason: "a qualitative commitment" }, "zh")).toBe(
      "定性要求：需人工核查，无法由数据判断",
    );
  });

  it("shows the engine's reason as given without parameters, or for a code the message table lacks", () => {
    // The message needs {area}, which this result does not carry: its English words are shown.
    expect(resultReason({ reasonCode: "no-area-data", reason: "no data for 衡南县" }, "zh")).toBe(
      "no data for 衡南县",
    );
    expect(resultReason({ reasonCode: "not-a-code", reason: "as given", reasonParams: { x: 1 } }, "zh")).toBe(
      "as given",
    );
    expect(resultReason({}, "en")).toBeNull();
  });
});

describe("buildView", () => {
  let report: CheckReport;
  beforeAll(async () => {
    report = await check([WATER], { lang: "en" });
  });

  it("writes a result's figures with their units and signs", () => {
    const row = buildView(report, "en").rows.find((r) => r.id === "water.xiangjiang.class")!;
    // Half of the two Xiangjiang mainstream sections meet Class II (熬洲 is Class III): 50.0 % against 100 %.
    expect([row.label, row.actual, row.required, row.margin, row.clause]).toEqual([
      "fail",
      "50.0%",
      ">= 100 %",
      "-50.0",
      "二(一)",
    ]);
    expect(row.failure).toBe(true);
    expect(row.subRows[0]!.line).toBe("熬洲 (湘江): ✗ III, TP 0.12 (+0.2x), 12 samplings");
  });

  it("labels a manual target manual and an informational one with its mark, in Chinese", () => {
    const rows = buildView(report, "zh").rows;
    const manual = rows.find((r) => r.id === "task.three_year_plan")!;
    expect([manual.label, manual.statusWord]).toEqual(["人工核查", "数据不足"]);
    const info = rows.find((r) => r.id === "water.sections.declined")!;
    expect(info.label).toMatch(/（参考）$/);
  });

  it("sums up targets without input per reason, and shows a translated reason where parameters are given", () => {
    const withParams: TargetResult[] = report.results.map((r) =>
      r.detail.reasonCode === "no-input"
        ? { ...r, detail: { ...r.detail, reasonParams: { family: "air" } } as TargetResult["detail"] }
        : r,
    );
    const view = buildView({ ...report, results: withParams }, "zh");
    const air = view.notes.notChecked.find((n) => n.reason === "输入中没有环境空气质量数据")!;
    expect(air.ids).toContain("air.urban.pm25");
    expect(air.text).toBe(`本次未检查 ${air.ids.length} 项目标：输入中没有环境空气质量数据（不影响退出码）`);
  });
});
