// The monthly gate on the real 2019 CNEMC hourly file (../shared/data/real, see its SOURCE.md): at every month
// end from January to November no run exits 1 under the default --fail-on fail (winter is worse than the year,
// and the year ended meeting its targets: 84.0 %, PM2.5 43, PM10 65), and each run gives the outlook, the
// seasonal pace and the pattern it used. Skipped when the folder is absent.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CheckReport } from "../src/engine/result.js";
import { runMain, runMainJson } from "./helpers/run-main.js";

const REAL = fileURLToPath(new URL("../../shared/data/real/", import.meta.url));
const STATIONS_FILE = join(REAL, "hengyang-2019-hourly-stations.csv");
const exists = existsSync(STATIONS_FILE);
if (!exists) console.log(`year-to-date real-data tests skipped: ${STATIONS_FILE} is absent`);

const MONTH_ENDS = [
  "01-31",
  "02-28",
  "03-31",
  "04-30",
  "05-31",
  "06-30",
  "07-31",
  "08-31",
  "09-30",
  "10-31",
  "11-30",
];
const PROJECTED = ["air.urban.good_rate", "air.urban.pm25", "air.urban.pm10"];

describe.skipIf(!exists)("the real 2019 hourly file at every month end", () => {
  it.each(MONTH_ENDS)(
    "--as-of 2019-%s: exit 0, an outlook and a seasonal pace, the profile named",
    async (day) => {
      const asOf = `2019-${day}`;
      const json = await runMainJson<CheckReport>([STATIONS_FILE, "-f", "json", "--as-of", asOf]);
      expect(json.status).toBe(0);
      expect(json.json.yearToDate).toEqual({ through: asOf, from: "option" });
      for (const id of PROJECTED) {
        const r = json.json.results.find((x) => x.id === id);
        expect(r?.projection?.status, id).toMatch(/^(on-track|at-risk|off-track)$/);
        expect(r?.projection?.season?.pattern, id).toBe("default-profile");
        expect(typeof r?.projection?.season?.pace, id).toBe("number");
        expect(r?.status, id).not.toBe("fail");
      }
      const table = await runMain([STATIONS_FILE, "--as-of", asOf]);
      expect(table.status).toBe(0);
      expect(table.stdout).toContain(
        "season: default profile, Hengyang urban area 2019 monthly means (CNEMC)",
      );
      expect(table.stdout).toContain("against a seasonal pace of");
    },
  );
});
