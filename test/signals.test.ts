// Ctrl-C stops a long run cleanly: no stack trace, no half-written report.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, ROOT } from "./helpers/run-cli.js";

/** Hourly rows of 2019 for `stations` stations of one county: about 50 bytes a row. */
function hourlyCsv(stations: number): string {
  const lines = ["station_code,area,datetime,PM2.5,PM10,SO2,NO2,CO,O3"];
  const hours: string[] = [];
  for (let h = 0; h < 8760; h++) {
    const t = new Date(Date.UTC(2019, 0, 1, 1) + h * 3_600_000).toISOString();
    hours.push(`${t.slice(0, 10)} ${t.slice(11, 13)}:00`);
  }
  for (let s = 0; s < stations; s++)
    for (const hour of hours) lines.push(`S${s},衡阳县,${hour},30,50,8,30,0.8,60`);
  return `${lines.join("\n")}\n`;
}

/**
 * Resolves once the process has `file` open (it has started reading it), seen in /proc/<pid>/fd; where
 * there is no /proc, after a fixed wait.
 */
async function untilReading(pid: number, file: string, exited: () => boolean): Promise<void> {
  const fds = `/proc/${pid}/fd`;
  if (!existsSync("/proc/self/fd")) return new Promise((r) => setTimeout(r, 700));
  for (;;) {
    if (exited()) return;
    try {
      for (const fd of readdirSync(fds)) {
        try {
          if (readlinkSync(join(fds, fd)) === file) return;
        } catch {
          // the descriptor closed between the listing and the look
        }
      }
    } catch {
      // the process is not there yet, or gone
    }
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe("hy-check <a large file> -o report.json, interrupted with SIGINT", () => {
  it("ends on the signal, writes no report and prints no stack trace", { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "hy-sigint-"));
    try {
      // 120 stations x 8760 hours, about 50 MB: reading it takes far longer than the wait for the signal.
      const file = join(dir, "big.csv");
      writeFileSync(file, hourlyCsv(120));
      const report = join(dir, "report.json");
      const child = spawn(process.execPath, [BIN, file, "-f", "json", "-o", report], { cwd: ROOT });
      // Listen from the start: a run that ends before the signal must fail the test, not hang it.
      let ended = false;
      const exit = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        child.on("exit", (c, s) => {
          ended = true;
          resolve([c, s]);
        }),
      );
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      await untilReading(child.pid!, file, () => ended);
      child.kill("SIGINT");
      const [code, signal] = await exit;
      expect(signal === "SIGINT" || code === 130).toBe(true);
      expect(existsSync(report)).toBe(false);
      expect(stderr).not.toContain("    at ");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
