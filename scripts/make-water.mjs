#!/usr/bin/env node
// Writes fixtures/hengyang-2019-water.csv: monthly section monitoring for 2018 and 2019, as the bureau's
// surface-water system exports it (Chinese headers, GB 3838 Table 1 order, below-detection values as
// "0.00001L"). Synthetic, with a fixed seed. The deciding parameters follow set patterns so that every
// section's class can be worked out by hand (see test/water-e2e.test.ts); noise only touches parameters
// that stay deep inside Class I.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

let state = 20190301;
const rand = () => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};
const noisy = (base, spread, decimals) => (base + spread * rand()).toFixed(decimals);

const HEADER = [
  "断面名称",
  "河流",
  "水体类型",
  "断面类型",
  "采样日期",
  "水温(℃)",
  "pH",
  "溶解氧(mg/L)",
  "高锰酸盐指数(mg/L)",
  "化学需氧量(mg/L)",
  "五日生化需氧量(mg/L)",
  "氨氮(mg/L)",
  "总磷(mg/L)",
  "总氮(mg/L)",
  "铜",
  "锌",
  "氟化物",
  "硒",
  "砷",
  "汞",
  "镉",
  "六价铬",
  "铅",
  "氰化物",
  "挥发酚",
  "石油类",
  "阴离子表面活性剂",
  "硫化物",
  "粪大肠菌群(个/L)",
  "硫酸盐",
  "氯化物",
  "硝酸盐",
  "铁",
  "锰",
];

// Per section: river, waterbody, type, and the monthly values of the parameters that decide its class.
// m is the month index 0..11; y the year.
const SECTIONS = [
  // Xiangjiang mainstream, Class II all year.
  {
    name: "归阳镇",
    river: "湘江",
    body: "河流",
    type: "考核断面",
    nh3n: () => 0.35,
    tp: () => 0.07,
    codmn: () => 2.6,
  },
  // Xiangjiang mainstream, total phosphorus 0.12 on average: Class III, short of the mainstream's Class II.
  {
    name: "熬洲",
    river: "湘江",
    body: "河流",
    type: "考核断面",
    nh3n: () => 0.4,
    tp: (m) => (m % 2 ? 0.13 : 0.11),
    codmn: () => 3.1,
  },
  // Zhengshui: NH3-N 1.4 (Class IV) in January, 0.8 otherwise: annual mean (1.4 + 11 * 0.8) / 12 = 0.85, Class III.
  // In 2018 it was 0.45 all year (Class II): a declined section.
  {
    name: "蒸水河口",
    river: "蒸水",
    body: "河流",
    type: "考核断面",
    nh3n: (m, y) => (y === 2018 ? 0.45 : m === 0 ? 1.4 : 0.8),
    tp: () => 0.09,
    codmn: () => 3.5,
  },
  // Leishui: Class II; no sampling in August 2019 (11 samplings).
  {
    name: "耒水河口",
    river: "耒水",
    body: "河流",
    type: "考核断面",
    nh3n: () => 0.3,
    tp: () => 0.08,
    codmn: () => 2.2,
    skip: (m, y) => y === 2019 && m === 7,
  },
  // Drinking-water sources: a river intake and a reservoir (lake TP limits), both compliant.
  {
    name: "城北水厂",
    river: "湘江",
    body: "河流",
    type: "饮用水水源地",
    nh3n: () => 0.2,
    tp: () => 0.05,
    codmn: () => 1.8,
    fe: () => 0.12,
  },
  {
    name: "斗山桥水库",
    river: "斗山桥水库",
    body: "水库",
    type: "饮用水水源地",
    nh3n: () => 0.15,
    tp: () => 0.02,
    codmn: () => 2.4,
    fe: (m) => (m < 6 ? 0.25 : 0.15),
  },
];

const lines = [HEADER.join(",")];
for (const year of [2018, 2019]) {
  for (let m = 0; m < 12; m++) {
    const date = `${year}-${String(m + 1).padStart(2, "0")}-${m % 3 === 0 ? "08" : "15"}`;
    for (const s of SECTIONS) {
      if (s.skip?.(m, year)) continue;
      const drinking = s.type === "饮用水水源地";
      lines.push(
        [
          s.name,
          s.river,
          s.body,
          s.type,
          date,
          noisy(8 + 2 * m, 3, 1),
          noisy(7.2, 0.6, 2),
          noisy(8.0, 1.2, 1),
          s.codmn(m, year),
          noisy(8, 4, 1),
          noisy(1.2, 1, 1),
          s.nh3n(m, year),
          s.tp(m, year),
          noisy(1.2, 0.6, 2),
          "0.005L",
          noisy(0.01, 0.02, 3),
          noisy(0.2, 0.3, 2),
          "0.0004L",
          noisy(0.001, 0.002, 4),
          "0.00004L",
          "0.0001L",
          "0.004L",
          "0.001L",
          "0.004L",
          "0.0003L",
          noisy(0.01, 0.02, 2),
          "0.05L",
          "0.005L",
          String(Math.round(500 + 3000 * rand())),
          drinking ? noisy(20, 15, 1) : "",
          drinking ? noisy(10, 8, 1) : "",
          drinking ? noisy(0.8, 0.6, 2) : "",
          drinking ? s.fe(m, year) : "",
          drinking ? "0.01L" : "",
        ].join(","),
      );
    }
  }
}
writeFileSync(join(root, "fixtures", "hengyang-2019-water.csv"), "\ufeff" + lines.join("\r\n") + "\r\n");
console.log("wrote fixtures/hengyang-2019-water.csv");
