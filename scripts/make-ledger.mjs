#!/usr/bin/env node
// Writes fixtures/hengyang-ledger.csv: the bureau's reported figures for 2013, 2018 and 2019, as a ledger
// export (Chinese headers, mixed units as the source reports write them). Synthetic; no randomness: every
// figure is chosen so that the results can be worked out by hand (see test/ledger-e2e.test.ts).
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const rows = [
  ["指标", "地区", "年份", "数值", "单位", "备注"],
  // Cuts versus 2018: COD -2.44 % (pass), NH3-N -0.88 % (fail), SO2 -2.70 % in mixed units (pass), NOx -1.56 % (fail).
  ["化学需氧量排放量", "全市", "2018", "4.10", "万吨", "2018年环境统计"],
  ["化学需氧量排放量", "全市", "2019", "4.00", "万吨", "2019年环境统计"],
  ["氨氮排放量", "全市", "2018", "4,520", "吨", ""],
  ["氨氮排放量", "全市", "2019", "4,480", "吨", ""],
  ["二氧化硫排放量", "全市", "2018", "1.85", "万吨", ""],
  ["二氧化硫排放量", "全市", "2019", "18000", "吨", "统计口径为吨"],
  ["氮氧化物排放量", "全市", "2018", "3.20", "万吨", ""],
  ["氮氧化物排放量", "全市", "2019", "3.15", "万吨", ""],
  // Heavy metals versus 2013: -13.6 % (pass).
  ["重点行业重点重金属排放量", "全市", "2013", "12500", "kg", "铅、汞、镉、铬、砷"],
  ["重点行业重点重金属排放量", "全市", "2019", "10800", "kg", ""],
  // Rates: farmland 88.6 % (about 90 %: warn), plots 92 % (pass), hazardous waste 100 %.
  ["受污染耕地安全利用率", "全市", "2019", "88.6", "%", ""],
  ["污染地块安全利用率", "全市", "2019", "92", "%", ""],
  ["危险废物安全处置率", "全市", "2019", "100", "%", ""],
  ["重特大环境事件", "全市", "2019", "0", "起", ""],
  ["重大社会舆情", "全市", "2019", "0", "起", ""],
  // Counted tasks, year to date: the latest figure at --as-of counts.
  ["全面达标重点行业数", "全市", "2019", "16", "个", ""],
  ["乡镇饮用水水源地规范化建设数", "全市", "2019-06", "12", "个", "上半年"],
  ["乡镇饮用水水源地规范化建设数", "全市", "2019", "26", "个", ""],
  ["完成环境综合整治行政村数", "全市", "2019", "76", "个", ""],
  // A county's row (耒阳市 is an area of the registry): kept for that area, not added to the city's 76.
  ["完成环境综合整治行政村数", "耒阳市", "2019", "11", "个", "分县市数据"],
  ["监管机动车检测机构数", "全市", "2019", "27", "家", ""],
  // Milestones: 1 = done in that period.
  ["生态环境机构改革", "全市", "2019-03", "1", "项", ""],
  ["机动车I/M制度实施", "全市", "2019年11月", "1", "项", ""],
  ["第二次污染源普查", "全市", "2019-12", "1", "项", ""],
  ["三线一单编制", "全市", "2019-10", "1", "项", ""],
  ["市城区黑臭水体销号", "全市", "2019", "0", "项", "未完成"],
  ["长江流域新增断面水质自动站", "全市", "2019-09-30", "1", "项", ""],
  ["2017年土壤污染防治项目验收", "全市", "2020-03", "1", "项", "2020年3月通过验收"],
  // Milestones of 三(二)7, 三(二)9 and 二(四): on time, 20 days late (done in January of the next year), not
  // done by the due date; the inspection rectification (三(四)17) has no row at all.
  ["特别排放限值和超低排放改造", "全市", "2019-06", "1", "项", ""],
  ["国Ⅲ及以下市政作业车辆淘汰", "全市", "2019", "0", "项", "年底未完成"],
  ["国Ⅲ及以下市政作业车辆淘汰", "全市", "2020-01-20", "1", "项", "2020年1月20日完成"],
  ["重污染天气应急预案出台", "全市", "2019-09", "1", "项", ""],
  ["土壤污染综合防治先行区方案", "全市", "2019", "0", "项", "未出台"],
  ["大数据建设阶段性成果", "全市", "2019-12", "1", "项", ""],
  // A district the registry does not know: read, counted as regional, not used.
  ["完成环境综合整治行政村数", "珠晖区", "2019", "9", "个", "分区数据"],
  // 2018 air results, the baselines of the air targets: the urban row labelled with its area (市城区), the
  // counties' PM2.5 county by county (mean 41) and their PM10 as the reported mean (全市).
  ["市城区PM2.5年均浓度", "市城区", "2018", "46", "ug/m3", "2018年市城区"],
  ["各县市PM2.5年均浓度", "衡阳县", "2018", "42", "ug/m3", ""],
  ["各县市PM2.5年均浓度", "衡南县", "2018", "40", "ug/m3", ""],
  ["各县市PM2.5年均浓度", "衡山县", "2018", "38", "ug/m3", ""],
  ["各县市PM2.5年均浓度", "衡东县", "2018", "41", "ug/m3", ""],
  ["各县市PM2.5年均浓度", "祁东县", "2018", "44", "ug/m3", ""],
  ["各县市PM2.5年均浓度", "耒阳市", "2018", "45", "ug/m3", ""],
  ["各县市PM2.5年均浓度", "常宁市", "2018", "43", "ug/m3", ""],
  ["各县市PM2.5年均浓度", "南岳", "2018", "35", "ug/m3", "南岳区 by its alias"],
  ["各县市PM10年均浓度", "全市", "2018", "66", "ug/m3", "各县市平均"],
];
const csv = rows
  .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(","))
  .join("\r\n");
writeFileSync(join(root, "fixtures", "hengyang-ledger.csv"), "\ufeff" + csv + "\r\n");
console.log("wrote fixtures/hengyang-ledger.csv");
