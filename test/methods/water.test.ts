// Expected classes below are worked out by hand from GB 3838-2002 Table 1 / Table 2 as transcribed in
// shared/reference/gb3838-2002.json, NOT from the implementation. Rule used throughout: an item's class is the
// best class whose limit the value meets; "<=" items meet a limit when value <= limit, DO when value >= limit,
// so a value equal to a limit belongs to the better class; failing Class V is 劣V. Where several classes share
// one limit (e.g. COD I = II = 15), a value equal to it is the best of them and just above it skips to the next
// larger limit.
import { describe, expect, it } from "vitest";
import {
  SUPPLEMENTARY_PARAMETERS,
  WATER_PARAMETERS,
  WATER_TABLE1,
  WATER_TABLE2,
  annualMeans,
  assessedClass,
  classRank,
  drinkingWaterCompliant,
  exceedanceMultiple,
  gb3838Class,
  meetsClass,
  parseWaterValue,
  sectionClass,
  waterClass,
  waterParameter,
  worstClass,
  type WaterClass,
  type WaterItem,
  type WaterSample,
  type Waterbody,
} from "../../src/methods/water.js";

const river = { waterbody: "river" } as const;
const lake = { waterbody: "lake" } as const;

describe("gb3838Class: every upper-bound item at and just above each distinct limit (rivers)", () => {
  it.each<[string, number, WaterClass, string]>([
    // CODMn I..V = 2, 4, 6, 10, 15
    ["CODMn", 0, "I", "0 <= 2"],
    ["CODMn", 2, "I", "= I limit 2"],
    ["CODMn", 2.1, "II", "> 2, <= 4"],
    ["CODMn", 4, "II", "= II limit 4"],
    ["CODMn", 4.1, "III", "> 4, <= 6"],
    ["CODMn", 6, "III", "= III limit 6"],
    ["CODMn", 6.1, "IV", "> 6, <= 10"],
    ["CODMn", 10, "IV", "= IV limit 10"],
    ["CODMn", 10.1, "V", "> 10, <= 15"],
    ["CODMn", 15, "V", "= V limit 15"],
    ["CODMn", 15.1, "劣V", "> 15"],
    // COD I..V = 15, 15, 20, 30, 40
    ["COD", 15, "I", "= I (and II) limit 15 -> the better, I"],
    ["COD", 15.1, "III", "> 15 fails I and II, <= 20"],
    ["COD", 20, "III", "= III limit 20"],
    ["COD", 20.1, "IV", "> 20, <= 30"],
    ["COD", 30, "IV", "= IV limit 30"],
    ["COD", 30.1, "V", "> 30, <= 40"],
    ["COD", 40, "V", "= V limit 40"],
    ["COD", 40.1, "劣V", "> 40"],
    // BOD5 I..V = 3, 3, 4, 6, 10
    ["BOD5", 3, "I", "= I (and II) limit 3"],
    ["BOD5", 3.1, "III", "> 3, <= 4"],
    ["BOD5", 4, "III", "= III limit 4"],
    ["BOD5", 4.1, "IV", "> 4, <= 6"],
    ["BOD5", 6, "IV", "= IV limit 6"],
    ["BOD5", 6.1, "V", "> 6, <= 10"],
    ["BOD5", 10, "V", "= V limit 10"],
    ["BOD5", 10.1, "劣V", "> 10"],
    // NH3-N I..V = 0.15, 0.5, 1.0, 1.5, 2.0
    ["NH3N", 0.15, "I", "= I limit 0.15"],
    ["NH3N", 0.16, "II", "> 0.15, <= 0.5"],
    ["NH3N", 0.5, "II", "= II limit 0.5"],
    ["NH3N", 0.51, "III", "> 0.5, <= 1.0"],
    ["NH3N", 1.0, "III", "= III limit 1.0"],
    ["NH3N", 1.01, "IV", "> 1.0, <= 1.5"],
    ["NH3N", 1.5, "IV", "= IV limit 1.5"],
    ["NH3N", 1.51, "V", "> 1.5, <= 2.0"],
    ["NH3N", 2.0, "V", "= V limit 2.0"],
    ["NH3N", 2.01, "劣V", "> 2.0"],
    // TP rivers I..V = 0.02, 0.1, 0.2, 0.3, 0.4
    ["TP", 0.02, "I", "= I limit 0.02"],
    ["TP", 0.021, "II", "> 0.02, <= 0.1"],
    ["TP", 0.1, "II", "= II limit 0.1"],
    ["TP", 0.11, "III", "> 0.1, <= 0.2"],
    ["TP", 0.2, "III", "= III limit 0.2"],
    ["TP", 0.21, "IV", "> 0.2, <= 0.3"],
    ["TP", 0.3, "IV", "= IV limit 0.3"],
    ["TP", 0.31, "V", "> 0.3, <= 0.4"],
    ["TP", 0.4, "V", "= V limit 0.4"],
    ["TP", 0.41, "劣V", "> 0.4"],
    // TN I..V = 0.2, 0.5, 1.0, 1.5, 2.0 (the table's lake row; classified the same when asked singly)
    ["TN", 0.2, "I", "= I limit 0.2"],
    ["TN", 0.21, "II", "> 0.2, <= 0.5"],
    ["TN", 0.5, "II", "= II limit 0.5"],
    ["TN", 0.51, "III", "> 0.5, <= 1.0"],
    ["TN", 1.0, "III", "= III limit 1.0"],
    ["TN", 1.01, "IV", "> 1.0, <= 1.5"],
    ["TN", 1.5, "IV", "= IV limit 1.5"],
    ["TN", 1.51, "V", "> 1.5, <= 2.0"],
    ["TN", 2.0, "V", "= V limit 2.0"],
    ["TN", 2.01, "劣V", "> 2.0"],
    // Cu I..V = 0.01, 1.0, 1.0, 1.0, 1.0
    ["Cu", 0.01, "I", "= I limit 0.01"],
    ["Cu", 0.011, "II", "> 0.01, <= 1.0"],
    ["Cu", 1.0, "II", "= II..V limit 1.0 -> II"],
    ["Cu", 1.01, "劣V", "> 1.0 fails every class"],
    // Zn I..V = 0.05, 1.0, 1.0, 2.0, 2.0
    ["Zn", 0.05, "I", "= I limit 0.05"],
    ["Zn", 0.051, "II", "> 0.05, <= 1.0"],
    ["Zn", 1.0, "II", "= II/III limit 1.0 -> II"],
    ["Zn", 1.01, "IV", "> 1.0, <= 2.0"],
    ["Zn", 2.0, "IV", "= IV/V limit 2.0 -> IV"],
    ["Zn", 2.01, "劣V", "> 2.0"],
    // F I..V = 1.0, 1.0, 1.0, 1.5, 1.5
    ["F", 1.0, "I", "= I..III limit 1.0 -> I"],
    ["F", 1.01, "IV", "> 1.0, <= 1.5"],
    ["F", 1.5, "IV", "= IV/V limit 1.5 -> IV"],
    ["F", 1.51, "劣V", "> 1.5"],
    // Se I..V = 0.01, 0.01, 0.01, 0.02, 0.02
    ["Se", 0.01, "I", "= I..III limit 0.01"],
    ["Se", 0.011, "IV", "> 0.01, <= 0.02"],
    ["Se", 0.02, "IV", "= IV/V limit 0.02"],
    ["Se", 0.021, "劣V", "> 0.02"],
    // As I..V = 0.05, 0.05, 0.05, 0.1, 0.1
    ["As", 0.05, "I", "= I..III limit 0.05"],
    ["As", 0.051, "IV", "> 0.05, <= 0.1"],
    ["As", 0.1, "IV", "= IV/V limit 0.1"],
    ["As", 0.11, "劣V", "> 0.1"],
    // Hg I..V = 0.00005, 0.00005, 0.0001, 0.001, 0.001
    ["Hg", 0.00005, "I", "= I/II limit 0.00005"],
    ["Hg", 0.00006, "III", "> 0.00005, <= 0.0001"],
    ["Hg", 0.0001, "III", "= III limit 0.0001"],
    ["Hg", 0.00011, "IV", "> 0.0001, <= 0.001"],
    ["Hg", 0.001, "IV", "= IV/V limit 0.001"],
    ["Hg", 0.0011, "劣V", "> 0.001"],
    // Cd I..V = 0.001, 0.005, 0.005, 0.005, 0.01
    ["Cd", 0.001, "I", "= I limit 0.001"],
    ["Cd", 0.0011, "II", "> 0.001, <= 0.005"],
    ["Cd", 0.005, "II", "= II..IV limit 0.005 -> II"],
    ["Cd", 0.0051, "V", "> 0.005, <= 0.01"],
    ["Cd", 0.01, "V", "= V limit 0.01"],
    ["Cd", 0.011, "劣V", "> 0.01"],
    // Cr(VI) I..V = 0.01, 0.05, 0.05, 0.05, 0.1
    ["Cr6", 0.01, "I", "= I limit 0.01"],
    ["Cr6", 0.011, "II", "> 0.01, <= 0.05"],
    ["Cr6", 0.05, "II", "= II..IV limit 0.05 -> II"],
    ["Cr6", 0.051, "V", "> 0.05, <= 0.1"],
    ["Cr6", 0.1, "V", "= V limit 0.1"],
    ["Cr6", 0.11, "劣V", "> 0.1"],
    // Pb I..V = 0.01, 0.01, 0.05, 0.05, 0.1
    ["Pb", 0.01, "I", "= I/II limit 0.01"],
    ["Pb", 0.011, "III", "> 0.01, <= 0.05"],
    ["Pb", 0.05, "III", "= III/IV limit 0.05 -> III"],
    ["Pb", 0.051, "V", "> 0.05, <= 0.1"],
    ["Pb", 0.1, "V", "= V limit 0.1"],
    ["Pb", 0.11, "劣V", "> 0.1"],
    // CN I..V = 0.005, 0.05, 0.2, 0.2, 0.2
    ["CN", 0.005, "I", "= I limit 0.005"],
    ["CN", 0.0051, "II", "> 0.005, <= 0.05"],
    ["CN", 0.05, "II", "= II limit 0.05"],
    ["CN", 0.051, "III", "> 0.05, <= 0.2"],
    ["CN", 0.2, "III", "= III..V limit 0.2 -> III"],
    ["CN", 0.21, "劣V", "> 0.2"],
    // volatile phenol I..V = 0.002, 0.002, 0.005, 0.01, 0.1
    ["phenol", 0.002, "I", "= I/II limit 0.002"],
    ["phenol", 0.0021, "III", "> 0.002, <= 0.005"],
    ["phenol", 0.005, "III", "= III limit 0.005"],
    ["phenol", 0.0051, "IV", "> 0.005, <= 0.01"],
    ["phenol", 0.01, "IV", "= IV limit 0.01"],
    ["phenol", 0.011, "V", "> 0.01, <= 0.1"],
    ["phenol", 0.1, "V", "= V limit 0.1"],
    ["phenol", 0.11, "劣V", "> 0.1"],
    // petroleum I..V = 0.05, 0.05, 0.05, 0.5, 1.0
    ["petroleum", 0.05, "I", "= I..III limit 0.05"],
    ["petroleum", 0.051, "IV", "> 0.05, <= 0.5"],
    ["petroleum", 0.5, "IV", "= IV limit 0.5"],
    ["petroleum", 0.51, "V", "> 0.5, <= 1.0"],
    ["petroleum", 1.0, "V", "= V limit 1.0"],
    ["petroleum", 1.01, "劣V", "> 1.0"],
    // LAS I..V = 0.2, 0.2, 0.2, 0.3, 0.3
    ["LAS", 0.2, "I", "= I..III limit 0.2"],
    ["LAS", 0.21, "IV", "> 0.2, <= 0.3"],
    ["LAS", 0.3, "IV", "= IV/V limit 0.3"],
    ["LAS", 0.31, "劣V", "> 0.3"],
    // sulfide I..V = 0.05, 0.1, 0.2, 0.5, 1.0
    ["sulfide", 0.05, "I", "= I limit 0.05"],
    ["sulfide", 0.051, "II", "> 0.05, <= 0.1"],
    ["sulfide", 0.1, "II", "= II limit 0.1"],
    ["sulfide", 0.11, "III", "> 0.1, <= 0.2"],
    ["sulfide", 0.2, "III", "= III limit 0.2"],
    ["sulfide", 0.21, "IV", "> 0.2, <= 0.5"],
    ["sulfide", 0.5, "IV", "= IV limit 0.5"],
    ["sulfide", 0.51, "V", "> 0.5, <= 1.0"],
    ["sulfide", 1.0, "V", "= V limit 1.0"],
    ["sulfide", 1.01, "劣V", "> 1.0"],
    // fecal coliform I..V = 200, 2000, 10000, 20000, 40000 per L
    ["fecalColiform", 200, "I", "= I limit 200"],
    ["fecalColiform", 201, "II", "> 200, <= 2000"],
    ["fecalColiform", 2000, "II", "= II limit 2000"],
    ["fecalColiform", 2001, "III", "> 2000, <= 10000"],
    ["fecalColiform", 10000, "III", "= III limit 10000"],
    ["fecalColiform", 10001, "IV", "> 10000, <= 20000"],
    ["fecalColiform", 20000, "IV", "= IV limit 20000"],
    ["fecalColiform", 20001, "V", "> 20000, <= 40000"],
    ["fecalColiform", 40000, "V", "= V limit 40000"],
    ["fecalColiform", 40001, "劣V", "> 40000"],
  ])("%s %s -> %s (%s)", (parameter, value, expected) => {
    expect(gb3838Class(parameter, value, river)).toBe(expected);
  });
});

describe("gb3838Class: dissolved oxygen is a lower bound (I..V = 7.5, 6, 5, 3, 2)", () => {
  it.each<[number, WaterClass, string]>([
    [9, "I", ">= 7.5"],
    [7.5, "I", "= I limit 7.5"],
    [7.4, "II", "< 7.5, >= 6"],
    [6.0, "II", "= II limit 6"],
    [5.9, "III", "< 6, >= 5"],
    [5, "III", "= III limit 5"],
    [4.9, "IV", "< 5, >= 3"],
    [3, "IV", "= IV limit 3"],
    [2.9, "V", "< 3, >= 2"],
    [2.0, "V", "= V limit 2"],
    [1.9, "劣V", "< 2"],
    [0, "劣V", "no oxygen"],
  ])("DO %s -> %s (%s)", (value, expected) => {
    expect(gb3838Class("DO", value, river)).toBe(expected);
    expect(gb3838Class("溶解氧", value, lake)).toBe(expected); // DO has one row for every waterbody
  });
});

describe("gb3838Class: pH range 6-9 for every class", () => {
  it.each<[number, WaterClass, string]>([
    [5.9, "劣V", "below 6"],
    [6, "I", "= lower end, inside"],
    [7.2, "I", "inside: does not worsen the class"],
    [9, "I", "= upper end, inside"],
    [9.1, "劣V", "above 9"],
  ])("pH %s -> %s (%s)", (value, expected) => {
    expect(gb3838Class("pH", value, river)).toBe(expected);
  });
});

describe("gb3838Class: lakes and reservoirs use the lake TP row (0.01, 0.025, 0.05, 0.1, 0.2)", () => {
  it.each<[number, WaterClass, WaterClass, string]>([
    [0.01, "I", "I", "river: <= 0.02 I; lake: = 0.01 I"],
    [0.011, "I", "II", "river: <= 0.02 I; lake: > 0.01, <= 0.025 II"],
    [0.025, "II", "II", "river: > 0.02, <= 0.1 II; lake: = 0.025 II"],
    [0.026, "II", "III", "river II; lake: > 0.025, <= 0.05 III"],
    [
      0.05,
      "II",
      "III",
      "river: <= 0.1 II; lake: = III limit 0.05 -> III (equal belongs to the better class)",
    ],
    [0.06, "II", "IV", "river II; lake: > 0.05, <= 0.1 IV"],
    [0.1, "II", "IV", "river: = II limit 0.1; lake: = IV limit 0.1"],
    [0.11, "III", "V", "river: > 0.1, <= 0.2 III; lake: > 0.1, <= 0.2 V"],
    [0.2, "III", "V", "river: = III limit; lake: = V limit"],
    [0.21, "IV", "劣V", "river: <= 0.3 IV; lake: > 0.2 劣V"],
  ])("TP %s: river %s, lake %s (%s)", (value, riverClass, lakeClass) => {
    expect(gb3838Class("TP", value, river)).toBe(riverClass);
    expect(gb3838Class("总磷", value, lake)).toBe(lakeClass);
  });

  it("items other than TP classify the same on lakes: NH3-N 0.8 is III on both", () => {
    // 0.5 < 0.8 <= 1.0 -> III; Table 1 has only one NH3-N row.
    expect(gb3838Class("NH3N", 0.8, lake)).toBe("III");
    expect(gb3838Class("NH3N", 0.8, river)).toBe("III");
  });
});

describe("gb3838Class: names and errors", () => {
  it("classifies by Chinese name, English name or key", () => {
    // NH3-N 1.2: > 1.0, <= 1.5 -> IV, however the item is named.
    expect(gb3838Class("氨氮", 1.2, river)).toBe("IV");
    expect(gb3838Class("NH3-N", 1.2, river)).toBe("IV");
    expect(gb3838Class("ammonia nitrogen", 1.2, river)).toBe("IV");
    // COD 25: > 20, <= 30 -> IV
    expect(gb3838Class("化学需氧量", 25, river)).toBe("IV");
    // Cr(VI) 0.03: > 0.01, <= 0.05 -> II
    expect(gb3838Class("六价铬", 0.03, river)).toBe("II");
    expect(gb3838Class("铬(六价)", 0.03, river)).toBe("II");
  });

  it.each([["叶绿素a"], ["chlorophyll"], [""], ["COD (ug/L)"]])("unknown parameter %j throws", (name) => {
    expect(() => gb3838Class(name, 1, river)).toThrow(RangeError);
  });

  it("items without classes throw: water temperature and the Table 2 items", () => {
    expect(() => gb3838Class("水温", 20, river)).toThrow(RangeError);
    expect(() => gb3838Class("硫酸盐", 100, river)).toThrow(RangeError);
  });

  it.each([[-0.1], [Number.NaN], [Number.POSITIVE_INFINITY]])("value %s throws", (value) => {
    expect(() => gb3838Class("NH3N", value, river)).toThrow(RangeError);
  });
});

describe("waterParameter: name resolution", () => {
  it.each<[string, WaterItem]>([
    ["溶解氧", "DO"],
    ["溶解氧(mg/L)", "DO"],
    ["溶解氧（mg/L）", "DO"], // full-width brackets
    ["ＤＯ", "DO"], // full-width letters
    ["do", "DO"],
    ["Dissolved Oxygen", "DO"],
    ["高锰酸盐指数", "CODMn"],
    ["CODMn", "CODMn"],
    ["化学需氧量", "COD"],
    ["化学需氧量(COD)", "COD"],
    ["COD", "COD"],
    ["CODcr", "COD"],
    ["五日生化需氧量", "BOD5"],
    ["BOD₅", "BOD5"], // subscript 5
    ["氨氮", "NH3N"],
    ["氨氮（NH3-N）", "NH3N"],
    ["NH₃-N", "NH3N"],
    ["nh3n", "NH3N"],
    ["总磷", "TP"],
    ["总磷（以P计）", "TP"],
    ["总磷 (mg/L)", "TP"],
    ["总氮", "TN"],
    ["总氮(湖、库,以N计)", "TN"],
    ["铜", "Cu"],
    ["锌", "Zn"],
    ["氟化物", "F"],
    ["氟化物(以F-计)", "F"],
    ["硒", "Se"],
    ["砷", "As"],
    ["汞", "Hg"],
    ["镉", "Cd"],
    ["铬(六价)", "Cr6"],
    ["六价铬", "Cr6"],
    ["Cr6+", "Cr6"],
    ["Cr(VI)", "Cr6"],
    ["铅", "Pb"],
    ["氰化物", "CN"],
    ["挥发酚", "phenol"],
    ["石油类", "petroleum"],
    ["阴离子表面活性剂", "LAS"],
    ["硫化物", "sulfide"],
    ["粪大肠菌群", "fecalColiform"],
    ["粪大肠菌群(个/L)", "fecalColiform"],
    ["Fecal Coliforms", "fecalColiform"],
    ["pH", "pH"],
    ["pH值", "pH"],
    ["PH 值（无量纲）", "pH"],
    ["水温", "waterTemp"],
    ["水温(℃)", "waterTemp"],
    ["硫酸盐", "sulfate"],
    ["硫酸盐(以SO4 2-计)", "sulfate"],
    ["氯化物", "chloride"],
    ["硝酸盐(以N计)", "nitrate"],
    ["铁", "Fe"],
    ["锰", "Mn"],
  ])("%j -> %s", (name, key) => {
    expect(waterParameter(name)).toBe(key);
  });

  it.each([["叶绿素a"], ["透明度"], [""], ["汞(μg/L)"], ["粪大肠菌群(MPN/100mL)"]])(
    "%j -> undefined (unknown, or a unit other than the standard's)",
    (name) => {
      expect(waterParameter(name)).toBeUndefined();
    },
  );

  it("every key, name and alias in the tables resolves to its own item", () => {
    for (const key of WATER_PARAMETERS) {
      const item = WATER_TABLE1[key];
      for (const name of [key, item.name, item.nameEn, ...item.aliases])
        expect(waterParameter(name)).toBe(key);
    }
    for (const key of SUPPLEMENTARY_PARAMETERS) {
      const item = WATER_TABLE2[key];
      for (const name of [key, item.name, item.nameEn, ...item.aliases])
        expect(waterParameter(name)).toBe(key);
    }
  });
});

describe("class ordering", () => {
  it("ranks I..劣V as 1..6", () => {
    expect(["I", "II", "III", "IV", "V", "劣V"].map((c) => classRank(c as WaterClass))).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
  });

  it("worstClass takes the largest rank; null for none", () => {
    expect(worstClass(["II", "IV", "I", "III"])).toBe("IV");
    expect(worstClass(["V", "劣V", "I"])).toBe("劣V");
    expect(worstClass([])).toBeNull();
  });

  it("meetsClass: equal or better", () => {
    expect(meetsClass("III", "III")).toBe(true);
    expect(meetsClass("II", "III")).toBe(true);
    expect(meetsClass("IV", "III")).toBe(false);
    expect(meetsClass("III", "II")).toBe(false); // a Xiangjiang section at III fails its Class II target
    expect(meetsClass("劣V", "V")).toBe(false);
  });

  it.each<[string, WaterClass | undefined]>([
    ["III", "III"],
    ["Ⅲ", "III"],
    ["Ⅲ类", "III"],
    ["Class II", "II"],
    ["4", "IV"],
    ["劣Ⅴ", "劣V"],
    ["劣V类", "劣V"],
    ["VI", undefined],
  ])("waterClass(%j) -> %s", (text, expected) => {
    expect(waterClass(text)).toBe(expected);
  });
});

describe("parseWaterValue: below-detection markers", () => {
  it.each([[""], ["  "], ["—"], ["-"], ["/"], ["缺测"]])("%j is missing", (raw) => {
    expect(parseWaterValue(raw)).toEqual({ kind: "missing" });
  });

  it("a plain number is a detected value", () => {
    expect(parseWaterValue("0.123")).toEqual({ kind: "value", value: 0.123, belowDetection: false });
    expect(parseWaterValue(" 12 ")).toEqual({ kind: "value", value: 12, belowDetection: false });
    expect(parseWaterValue("2.4E3")).toEqual({ kind: "value", value: 2400, belowDetection: false });
  });

  it("ND and 未检出: below an unknown limit, entering means as 0", () => {
    expect(parseWaterValue("ND")).toEqual({ kind: "value", value: 0, belowDetection: true });
    expect(parseWaterValue("未检出")).toEqual({ kind: "value", value: 0, belowDetection: true });
  });

  it('"<0.01" and "0.01L": below the limit 0.01, entering means as half of it, 0.005', () => {
    const expected = { kind: "value", value: 0.005, belowDetection: true, detectionLimit: 0.01 };
    expect(parseWaterValue("<0.01")).toEqual(expected);
    expect(parseWaterValue("＜0.01")).toEqual(expected); // full-width "<"
    expect(parseWaterValue("0.01L")).toEqual(expected);
    expect(parseWaterValue("0.01 l")).toEqual(expected);
  });

  it.each([["abc"], ["-1"], ["1,2"], [">24000"]])("%j throws", (raw) => {
    expect(() => parseWaterValue(raw)).toThrow(RangeError);
  });
});

function samples(parameter: WaterItem, raws: string[]): WaterSample[] {
  const out: WaterSample[] = [];
  for (const raw of raws) {
    const parsed = parseWaterValue(raw);
    if (parsed.kind === "value") out.push({ parameter, ...parsed });
  }
  return out;
}

describe("annualMeans", () => {
  it("averages over the months present: a missing month is absent, not zero", () => {
    // TP, 11 months (June missing): five 0.20, five 0.22, one 0.21 -> sum 1.00 + 1.10 + 0.21 = 2.31,
    // mean 2.31 / 11 = 0.21 -> river IV (> 0.2, <= 0.3). Counting June as 0 would give 2.31 / 12 = 0.1925 -> III.
    const raws = ["0.20", "0.22", "0.20", "0.22", "0.20", "", "0.22", "0.20", "0.22", "0.20", "0.22", "0.21"];
    const means = annualMeans(samples("TP", raws));
    expect(means.TP?.samples).toBe(11);
    expect(means.TP?.value).toBeCloseTo(0.21, 12);
    expect(gb3838Class("TP", 0.21, river)).toBe("IV");
  });

  it("one Class IV month does not make the year Class IV", () => {
    // NH3-N: January 1.2 (IV on its own), the other eleven months 0.8 -> (1.2 + 11 * 0.8) / 12 = 10.0 / 12
    // = 0.8333 -> III (> 0.5, <= 1.0).
    const raws = ["1.2", ...Array.from({ length: 11 }, () => "0.8")];
    const means = annualMeans(samples("NH3N", raws));
    expect(means.NH3N?.value).toBeCloseTo(10 / 12, 12);
    expect(sectionClass(means, river).class).toBe("III");
  });

  it('"0.004L" enters as half its limit, 0.002', () => {
    // CN: 0.002 + 0.002 + 0.02 = 0.024, / 3 = 0.008 -> II (> 0.005, <= 0.05). Not all below detection.
    const means = annualMeans(samples("CN", ["0.004L", "0.004L", "0.02"]));
    expect(means.CN?.value).toBeCloseTo(0.008, 12);
    expect(means.CN?.belowDetectionSamples).toBe(2);
    expect(means.CN?.belowDetection).toBe(false);
    expect(sectionClass(means, river).classes.CN).toBe("II");
  });

  it('"ND" without a limit enters as 0 and so cannot raise the mean', () => {
    // Cd: (0 + 0.004 + 0.005) / 3 = 0.003 -> II (> 0.001, <= 0.005); without the ND it would be 0.0045, also II.
    const means = annualMeans(samples("Cd", ["ND", "0.004", "0.005"]));
    expect(means.Cd?.value).toBeCloseTo(0.003, 12);
  });

  it('"<0.01" every month: the mean is itself below detection', () => {
    // TP river: 0.005 each month -> mean 0.005 -> I (<= 0.02).
    const means = annualMeans(samples("TP", ["<0.01", "<0.01", "<0.01"]));
    expect(means.TP).toEqual({ value: 0.005, samples: 3, belowDetectionSamples: 3, belowDetection: true });
    expect(sectionClass(means, river).classes.TP).toBe("I");
  });

  it("all below detection classifies as Class I even when half the limit would not", () => {
    // Pb "0.2L" (a coarse method): half the limit is 0.1 = Class V limit, but Pb was never detected -> I.
    const means = annualMeans(samples("Pb", ["0.2L", "0.2L"]));
    expect(means.Pb?.value).toBeCloseTo(0.1, 12);
    expect(sectionClass(means, river).classes.Pb).toBe("I");
    expect(assessedClass("铅", { value: 0.1, belowDetection: true }, river)).toBe("I");
    expect(assessedClass("铅", 0.1, river)).toBe("V"); // the same number, detected: = V limit 0.1
  });

  it("DO below detection means no oxygen: classified by its value, 劣V", () => {
    // DO "ND" -> 0 -> < 2 -> 劣V; a lower-bound item is not flattered by the below-detection rule.
    const means = annualMeans(samples("DO", ["ND"]));
    expect(sectionClass(means, river).classes.DO).toBe("劣V");
  });

  it("pH: arithmetic mean by default, the 2020 hydrogen-ion mean on request", () => {
    // [6.5, 7.9, 8.8, 9, 6.78, 8.87]: arithmetic 47.85 / 6 = 7.975.
    // H+: 3.1623e-7 + 1.2589e-8 + 1.5849e-9 + 1e-9 + 1.6596e-7 + 1.3490e-9 = 4.9871e-7, / 6 = 8.3119e-8,
    // -log10 = 7.0803 (the reference's vector, 7.08).
    const pH = [6.5, 7.9, 8.8, 9, 6.78, 8.87].map((value): WaterSample => ({ parameter: "pH", value }));
    expect(annualMeans(pH).pH?.value).toBeCloseTo(7.975, 10);
    expect(annualMeans(pH, { pH: "hydrogen-ion" }).pH?.value).toBeCloseTo(7.0803, 4);
  });

  it("rejects a below-detection pH and negative values", () => {
    expect(() => annualMeans([{ parameter: "pH", value: 0, belowDetection: true }])).toThrow(RangeError);
    expect(() => annualMeans([{ parameter: "TP", value: -0.1 }])).toThrow(RangeError);
  });
});

describe("sectionClass: worst class over the 21 assessed items", () => {
  // A river section: pH 7.5 (I), DO 6.5 (< 7.5, >= 6 -> II), CODMn 3.5 (> 2, <= 4 -> II), NH3-N 0.8 (III),
  // TP 0.15 river (> 0.1, <= 0.2 -> III), TN 3.0 (> 2.0 -> 劣V), fecal coliforms 50000 (> 40000 -> 劣V).
  const means = {
    waterTemp: 18,
    pH: 7.5,
    DO: 6.5,
    CODMn: 3.5,
    NH3N: 0.8,
    TP: 0.15,
    TN: 3.0,
    fecalColiform: 50000,
  };

  it("river: TN and fecal coliforms are left out, so the section is III, decided by NH3-N and TP", () => {
    const result = sectionClass(means, river);
    expect(result.class).toBe("III");
    // Neither exceeds its Class III limit (0.8 <= 1.0, 0.15 <= 0.2): no exceedance multiple.
    expect(result.deciding).toEqual([
      { parameter: "NH3N", class: "III", value: 0.8 },
      { parameter: "TP", class: "III", value: 0.15 },
    ]);
    expect(result.classes.TN).toBeUndefined();
    expect(result.classes.fecalColiform).toBeUndefined();
    expect(result.classes.waterTemp).toBeUndefined();
  });

  it("lake: TN is assessed (as briefed), so TN 3.0 makes the section 劣V", () => {
    // TN 3.0 > 2.0 -> 劣V; exceedance over the Class III limit 1.0: (3.0 - 1.0) / 1.0 = 2.
    // Fecal coliforms (劣V) are still left out. TP 0.15 on a lake is V (> 0.1, <= 0.2).
    const result = sectionClass(means, lake);
    expect(result.class).toBe("劣V");
    expect(result.deciding).toEqual([{ parameter: "TN", class: "劣V", value: 3.0, exceedance: 2 }]);
    expect(result.classes.TP).toBe("V");
    expect(result.classes.fecalColiform).toBeUndefined();
  });

  it('lake with lakeTotalNitrogen "separate": TN out, TP decides at V', () => {
    // TP 0.15 lake: V; exceedance over the lake Class III limit 0.05: (0.15 - 0.05) / 0.05 = 2.
    const result = sectionClass(means, { waterbody: "lake", lakeTotalNitrogen: "separate" });
    expect(result.class).toBe("V");
    expect(result.deciding).toHaveLength(1);
    expect(result.deciding[0]?.parameter).toBe("TP");
    expect(result.deciding[0]?.exceedance).toBeCloseTo(2, 12);
  });

  it("fecal coliforms alone never classify a section", () => {
    // Only fecal coliforms given: nothing assessed -> null on both waterbodies.
    for (const waterbody of ["river", "lake"] as Waterbody[]) {
      expect(sectionClass({ fecalColiform: 100000 }, { waterbody })).toEqual({
        class: null,
        deciding: [],
        classes: {},
      });
    }
  });

  it("exclude leaves further items out", () => {
    // Without NH3-N and TP the worst is II (DO 6.5, CODMn 3.5).
    const result = sectionClass(means, { waterbody: "river", exclude: ["NH3N", "TP"] });
    expect(result.class).toBe("II");
    expect(result.deciding.map((d) => d.parameter)).toEqual(["DO", "CODMn"]);
  });

  it("deciding items are ordered by exceedance multiple", () => {
    // COD 28: > 20, <= 30 -> IV, (28 - 20) / 20 = 0.4. NH3-N 1.5: = IV limit -> IV, (1.5 - 1.0) / 1.0 = 0.5.
    // Table order is COD before NH3-N; the larger multiple comes first.
    const result = sectionClass({ COD: 28, NH3N: 1.5, DO: 8 }, river);
    expect(result.class).toBe("IV");
    expect(result.deciding.map((d) => d.parameter)).toEqual(["NH3N", "COD"]);
    expect(result.deciding[0]?.exceedance).toBeCloseTo(0.5, 12);
    expect(result.deciding[1]?.exceedance).toBeCloseTo(0.4, 12);
  });

  it("a Xiangjiang section at III measured against its Class II target", () => {
    // NH3-N 0.8: III; over the Class II limit 0.5: (0.8 - 0.5) / 0.5 = 0.6. It fails the Class II target.
    const result = sectionClass({ NH3N: 0.8, DO: 7 }, { waterbody: "river", target: "II" });
    expect(result.class).toBe("III");
    expect(result.deciding[0]?.exceedance).toBeCloseTo(0.6, 12);
    expect(meetsClass("III", "II")).toBe(false);
  });

  it("pH outside 6-9 decides at 劣V with no exceedance multiple", () => {
    const result = sectionClass({ pH: 9.3, NH3N: 0.3 }, river);
    expect(result.class).toBe("劣V");
    expect(result.deciding).toEqual([{ parameter: "pH", class: "劣V", value: 9.3 }]);
  });
});

describe("exceedanceMultiple: (C - limit) / limit over the target class limit", () => {
  it.each<[string, number, WaterClass, Waterbody, number | null, string]>([
    ["NH3N", 1.5, "III", "river", 0.5, "(1.5 - 1.0) / 1.0"],
    ["氨氮", 2.5, "III", "river", 1.5, "(2.5 - 1.0) / 1.0"],
    ["NH3N", 1.0, "III", "river", null, "= limit: not exceeding"],
    ["NH3N", 0.8, "II", "river", 0.6, "(0.8 - 0.5) / 0.5"],
    ["TP", 0.1, "III", "lake", 1, "(0.1 - 0.05) / 0.05 on the lake row"],
    ["TP", 0.1, "III", "river", null, "0.1 <= river III limit 0.2"],
    ["COD", 30, "III", "river", 0.5, "(30 - 20) / 20"],
    ["fecalColiform", 20000, "III", "river", 1, "(20000 - 10000) / 10000"],
    ["DO", 3, "III", "river", null, "DO: excluded from the multiple by the reference"],
    ["pH", 10, "III", "river", null, "pH: a range, no multiple"],
    ["NH3N", 5, "劣V", "river", null, "劣V has no limit"],
    ["硫酸盐", 300, "III", "river", 0.2, "Table 2: (300 - 250) / 250"],
    ["铁", 0.3, "III", "river", null, "Table 2: = limit 0.3"],
  ])("%s %s vs %s (%s) -> %s: %s", (parameter, value, target, waterbody, expected) => {
    const result = exceedanceMultiple(parameter, value, target, waterbody);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 12);
  });

  it("unknown parameter throws", () => {
    expect(() => exceedanceMultiple("叶绿素a", 1, "III", "river")).toThrow(RangeError);
  });
});

describe("drinkingWaterCompliant: Table 1 Class III or better plus Table 2 limits", () => {
  // pH 7.2 (I), DO 6.8 (II), CODMn 2.5 (II), NH3-N 0.4 (II), TP 0.08 river (II); TN 2.5 and fecal coliforms
  // 30000 are not assessed; Table 2: sulfate 120 <= 250, chloride 30 <= 250, nitrate 2 <= 10, Fe 0.2 <= 0.3,
  // Mn "0.1L" (below detection).
  const good = {
    pH: 7.2,
    DO: 6.8,
    CODMn: 2.5,
    NH3N: 0.4,
    TP: 0.08,
    TN: 2.5,
    fecalColiform: 30000,
    sulfate: 120,
    chloride: 30,
    nitrate: 2,
    Fe: 0.2,
    Mn: { value: 0.05, belowDetection: true },
  };

  it("compliant when everything meets its limit", () => {
    const result = drinkingWaterCompliant(good, river);
    expect(result).toMatchObject({ compliant: true, class: "II", failing: [] });
    expect(result.assessed).toEqual([
      "pH",
      "DO",
      "CODMn",
      "NH3N",
      "TP",
      "sulfate",
      "chloride",
      "nitrate",
      "Fe",
      "Mn",
    ]);
  });

  it("a Table 2 item over its limit fails the source even at Class II", () => {
    // Fe 0.45 > 0.3: (0.45 - 0.3) / 0.3 = 0.5.
    const result = drinkingWaterCompliant({ ...good, Fe: 0.45 }, river);
    expect(result.compliant).toBe(false);
    expect(result.class).toBe("II");
    expect(result.failing).toHaveLength(1);
    expect(result.failing[0]).toMatchObject({ parameter: "Fe", value: 0.45, limit: 0.3 });
    expect(result.failing[0]?.exceedance).toBeCloseTo(0.5, 12);
  });

  it("a Table 1 item worse than III fails it", () => {
    // NH3-N 1.2: IV, over the Class III limit 1.0 by (1.2 - 1.0) / 1.0 = 0.2.
    // DO 4: IV (< 5, >= 3), limit 5, no multiple.
    const result = drinkingWaterCompliant({ ...good, NH3N: 1.2, DO: 4 }, river);
    expect(result.compliant).toBe(false);
    expect(result.class).toBe("IV");
    expect(result.failing.map((f) => f.parameter)).toEqual(["DO", "NH3N"]);
    expect(result.failing[0]).toEqual({ parameter: "DO", value: 4, limit: 5, class: "IV", exceedance: null });
    expect(result.failing[1]?.exceedance).toBeCloseTo(0.2, 12);
  });

  it("a reservoir source uses the lake TP row", () => {
    // TP 0.08 on a reservoir: > 0.05, <= 0.1 -> IV, over the lake Class III limit 0.05 by 0.6. TN 2.5 on a lake
    // is assessed as briefed: > 2.0 -> 劣V, over 1.0 by 1.5.
    const result = drinkingWaterCompliant(good, lake);
    expect(result.compliant).toBe(false);
    expect(result.failing.map((f) => [f.parameter, f.class])).toEqual([
      ["TP", "IV"],
      ["TN", "劣V"],
    ]);
    expect(result.failing[0]?.exceedance).toBeCloseTo(0.6, 12);
  });

  it("nothing assessed is not compliant", () => {
    expect(drinkingWaterCompliant({}, river)).toEqual({
      compliant: false,
      class: null,
      failing: [],
      assessed: [],
    });
  });
});
