// Header recognition, expected fields and units taken from the spellings monitoring exports use.
import { describe, expect, it } from "vitest";
import {
  headerUnit,
  normaliseHeader,
  recogniseHeader,
  recogniseHeaders,
  type ColumnField,
  type ConcentrationUnit,
} from "../../src/data/columns.js";

describe("recogniseHeader: Chinese and English spellings", () => {
  it.each<[string, ColumnField]>([
    ["日期", "date"],
    ["date", "date"],
    ["Date", "date"],
    ["DATE", "date"],
    ["时间", "date"],
    ["监测日期", "date"],
    ["站点", "station"],
    ["监测点位", "station"],
    ["station", "station"],
    ["Station Name", "station"],
    ["区域", "area"],
    ["area", "area"],
    ["city", "city"],
    ["区县", "county"],
    ["district", "county"],
    ["城市", "city"],
    ["PM2.5", "PM2.5"],
    ["PM2_5", "PM2.5"],
    ["pm25", "PM2.5"],
    ["细颗粒物", "PM2.5"],
    ["PM2.5(μg/m³)", "PM2.5"],
    ["PM2.5 (μg/m³)", "PM2.5"],
    ["PM2.5浓度", "PM2.5"],
    ["ＰＭ２．５", "PM2.5"],
    [" PM2.5 ", "PM2.5"],
    ["PM10", "PM10"],
    ["pm10", "PM10"],
    ["可吸入颗粒物", "PM10"],
    ["PM10(μg/m³)", "PM10"],
    ["SO2", "SO2"],
    ["二氧化硫", "SO2"],
    ["NO2", "NO2"],
    ["二氧化氮", "NO2"],
    ["二氧化氮(μg/m³)", "NO2"],
    ["CO", "CO"],
    ["一氧化碳", "CO"],
    ["CO(mg/m³)", "CO"],
    ["CO（mg/m3）", "CO"],
    ["O3_8h", "O3_8h"],
    ["O3-8h", "O3_8h"],
    ["O3_8H", "O3_8h"],
    ["臭氧8小时", "O3_8h"],
    ["臭氧(8小时)", "O3_8h"],
    ["O3_1h", "O3_1h"],
    ["臭氧1小时", "O3_1h"],
    ["AQI", "aqi"],
    ["aqi", "aqi"],
    ["空气质量指数", "aqi"],
  ])("%s -> %s", (header, field) => {
    expect(recogniseHeader(header)).toBe(field);
  });

  it.each(["O3", "臭氧", "o3"])("%s is hourly ozone (the 1-hour value of an hourly export)", (header) => {
    expect(recogniseHeader(header)).toBe("O3");
  });

  it.each(["备注", "首要污染物", "质量等级", "PM1", "PM2.5_24h", "xyz", ""])(
    "%s is not recognised",
    (header) => {
      expect(recogniseHeader(header)).toBeUndefined();
    },
  );

  it("keeps the 1-hour and 8-hour ozone columns apart", () => {
    expect(recogniseHeader("臭氧(1小时)")).toBe("O3_1h");
    expect(recogniseHeader("臭氧(8小时)")).toBe("O3_8h");
  });
});

describe("recogniseHeader: overrides", () => {
  it("maps an arbitrary header to the field the user chose", () => {
    expect(recogniseHeader("col_x")).toBeUndefined();
    expect(recogniseHeader("col_x", { "PM2.5": "col_x" })).toBe("PM2.5");
    expect(recogniseHeader("测点", { station: "测点" })).toBe("station");
  });

  it("wins over the built-in spelling of the same header", () => {
    expect(recogniseHeader("城市", { station: "城市" })).toBe("station");
  });

  it("leaves other headers to the built-in spellings", () => {
    expect(recogniseHeader("PM10", { "PM2.5": "col_x" })).toBe("PM10");
  });
});

describe("normaliseHeader", () => {
  it.each<[string, string]>([
    ["PM2.5", "pm25"],
    ["PM2_5", "pm25"],
    ["PM2.5(μg/m³)", "pm25"],
    ["ＰＭ２．５", "pm25"],
    ["PM2.5浓度", "pm25"],
    ["O3-8h", "o38h"],
    ["Station Name", "stationname"],
    ["\ufeff日期", "日期"],
    ["臭氧(8小时)", "臭氧8小时"],
    ["CO（mg/m3）", "co"],
  ])("%s -> %s", (header, normalised) => {
    expect(normaliseHeader(header)).toBe(normalised);
  });
});

describe("headerUnit", () => {
  it.each<[string, ConcentrationUnit | "other" | undefined]>([
    ["PM2.5(μg/m³)", "ug/m3"], // Greek mu U+03BC
    ["PM2.5(µg/m3)", "ug/m3"], // micro sign U+00B5
    ["PM2.5(ug/m3)", "ug/m3"],
    ["PM2.5(UG/M3)", "ug/m3"],
    ["PM2.5 ( μg/m³ )", "ug/m3"],
    ["PM2.5(微克/立方米)", "ug/m3"],
    ["PM2.5【μg/m³】", "ug/m3"],
    ["CO(mg/m³)", "mg/m3"],
    ["CO（mg/m3）", "mg/m3"],
    ["CO(毫克/立方米)", "mg/m3"],
    ["SO2(ppm)", "other"],
    ["SO2(ppb)", "other"],
    ["PM2.5", undefined],
    ["CO", undefined],
    ["PM2.5()", undefined],
  ])("%s -> %s", (header, unit) => {
    expect(headerUnit(header)).toBe(unit);
  });

  it("a bracket that holds an averaging period, not a unit, names no unit", () => {
    // `臭氧(8小时)` is a recognised spelling of O3_8h; its bracket is the averaging period.
    expect(headerUnit("臭氧(8小时)")).toBeUndefined();
    expect(headerUnit("臭氧(1小时)")).toBeUndefined();
  });

  it("the unit after an averaging period is read", () => {
    expect(headerUnit("臭氧(8小时)(μg/m³)")).toBe("ug/m3");
    expect(recogniseHeader("臭氧(8小时)(μg/m³)")).toBe("O3_8h");
  });
});

describe("recogniseHeaders", () => {
  it("lists recognised columns with index, header, field and unit, and the unknown headers", () => {
    const result = recogniseHeaders(["日期", "站点", "PM2.5(μg/m³)", "CO(mg/m³)", "备注", "O3_8h"]);
    expect(result.columns).toEqual([
      { index: 0, header: "日期", field: "date" },
      { index: 1, header: "站点", field: "station" },
      { index: 2, header: "PM2.5(μg/m³)", field: "PM2.5", unit: "ug/m3" },
      { index: 3, header: "CO(mg/m³)", field: "CO", unit: "mg/m3" },
      { index: 5, header: "O3_8h", field: "O3_8h" },
    ]);
    expect(result.columns[0]).not.toHaveProperty("unit");
    expect(result.unknown).toEqual(["备注"]);
    expect(result.duplicates).toEqual([]);
  });

  it("reports two headers for one field as a duplicate", () => {
    const result = recogniseHeaders(["日期", "PM2.5", "站点", "细颗粒物", "PM10"]);
    expect(result.duplicates).toEqual([{ field: "PM2.5", headers: ["PM2.5", "细颗粒物"] }]);
    expect(result.unknown).toEqual([]);
  });

  it("reports each duplicated field once with all its headers", () => {
    const result = recogniseHeaders(["date", "日期", "时间", "AQI", "空气质量指数"]);
    expect(result.duplicates).toEqual([
      { field: "date", headers: ["date", "日期", "时间"] },
      { field: "aqi", headers: ["AQI", "空气质量指数"] },
    ]);
  });

  it("applies overrides to arbitrary headers", () => {
    const result = recogniseHeaders(["day", "测点", "fine_pm"], { station: "测点", "PM2.5": "fine_pm" });
    expect(result.columns).toEqual([
      { index: 0, header: "day", field: "date" },
      { index: 1, header: "测点", field: "station" },
      { index: 2, header: "fine_pm", field: "PM2.5" },
    ]);
    expect(result.unknown).toEqual([]);
  });

  it("gives a recognised 臭氧(8小时) column no unit", () => {
    const result = recogniseHeaders(["日期", "臭氧(8小时)"]);
    expect(result.columns).toEqual([
      { index: 0, header: "日期", field: "date" },
      { index: 1, header: "臭氧(8小时)", field: "O3_8h" },
    ]);
    expect(result.columns[1]).not.toHaveProperty("unit");
  });
});
