// The library API: the same functions the CLI uses, typed for scripts.
export { aqi, aqiCategory, dailyAqi, iaqi, IAQI_ITEMS, POLLUTANTS, annualValidity } from "./methods/air.js";
export type {
  AqiCategory,
  AqiResult,
  Concentrations,
  DailyValues,
  IaqiItem,
  Pollutant,
  DayValidityRule,
} from "./methods/air.js";
export { roundGbt8170 } from "./methods/rounding.js";
export { check } from "./check.js";
export { areaHourlySeries, type CheckOptions } from "./engine/check.js";
export {
  hj663Percentile,
  compositeIndex,
  dailyMean,
  o3DailyMax8h,
  o3DailyMax1h,
  o3EightHourMeans,
} from "./methods/hourly.js";
export { HOUR_CONVENTIONS, type HourConvention } from "./data/time.js";
export type { CheckReport, TargetResult, AreaValue } from "./engine/result.js";
export type { Status } from "./engine/compare.js";
export type { InputReport } from "./data/input-report.js";
export { InputError, formatProblem, type InputProblem } from "./errors.js";
export { getExitCode, EXIT, FAIL_ON, type FailOn } from "./exit.js";
export { loadTargetFile } from "./targets/load.js";
export { parseTargetFile } from "./targets/parse.js";
export { TargetFileSchema, targetFileJsonSchema, type TargetFile, type Target } from "./targets/schema.js";
export { FORMATTERS, type FormatName } from "./report/index.js";
export {
  gb3838Class,
  sectionClass,
  annualMeans as waterAnnualMeans,
  drinkingWaterCompliant,
  parseWaterValue,
  waterParameter,
  WATER_CLASSES,
  type WaterClass,
  type Waterbody,
} from "./methods/water.js";
