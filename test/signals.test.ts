// Ctrl-C stops a long run cleanly: no stack trace, no half-written report.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/run-cli.js";

describe("hy-check <a large file> -o report.json, interrupted with SIGINT", () => {
  it("ends on the signal, writes no report and prints no stack trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hy-sigint-"));
    const file = join(dir, "big.csv");
    const lines = ["station_code,area,datetime,PM2.5,PM10,SO2,NO2,CO,O3"];
    for (let h = 0; h < 400_000; h++) {
      const t = new Date(Date.UTC(2019, 0, 1, 1) + (h % 8760) * 3_600_000).toISOString();
      lines.push(`S${Math.floor(h / 8760)},衡阳县,${t.slice(0, 10)} ${t.slice(11, 13)}:00,30,50,8,30,0.8,60`);
    }
    writeFileSync(file, lines.join("\n"));
    const report = join(dir, "report.json");
    const child = spawn(process.execPath, ["dist/cli.js", file, "-f", "json", "-o", report], { cwd: ROOT });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    await new Promise((r) => setTimeout(r, 700));
    child.kill("SIGINT");
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on("exit", (c, s) => resolve([c, s])),
    );
    expect(signal === "SIGINT" || code === 130).toBe(true);
    expect(existsSync(report)).toBe(false);
    expect(stderr).not.toContain("    at ");
  });
});
