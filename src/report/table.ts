// The terminal table: one row per target, per-area rows under combined targets, then the data basis
// and every warning about the input.
import { Chalk, type ChalkInstance } from "chalk";
import Table from "cli-table3";
import type { Status } from "../engine/compare.js";
import type { BaselineBlock, CheckReport, TargetResult } from "../engine/result.js";
import { t, type Lang } from "../i18n.js";
import type { Formatter } from "./format.js";
import { captureWarnings, inputLine, inputNotes, sectionDetail, skippedNote } from "./text.js";
import { roundGbt8170 } from "../methods/rounding.js";

function statusLabel(status: Status, lang: Lang, chalk: ChalkInstance): string {
  const text = t(lang, `status.${status}`);
  if (status === "pass") return chalk.green(text);
  if (status === "warn") return chalk.yellow(text);
  if (status === "fail") return chalk.red.bold(text);
  return chalk.magenta(text);
}

function fmt(value: number | null, decimals: number, unit = ""): string {
  if (value === null) return "-";
  const text = value.toFixed(Math.max(decimals, 0));
  return unit === "%" ? `${text}%` : `${text}${unit ? ` ${unit}` : ""}`;
}

function required(r: TargetResult): string {
  if (r.op === null || r.target === null) return "-";
  const value = Array.isArray(r.target) ? `${r.target[0]}..${r.target[1]}` : String(r.target);
  const tol = r.tolerance !== null ? ` ±${r.tolerance}` : "";
  return `${r.op === "between" ? "" : `${r.op} `}${value}${tol} ${r.unit}`;
}

/** `-2.4 % (2018: 3.21 万吨)`; a ratio's change in percentage points: `+1.5 pp (2018: 88.5 %)`. */
export function vsBaseline(b: BaselineBlock): string {
  const years = b.years.join("/");
  const base = `${years}: ${roundGbt8170(b.value, 2)} ${b.unit}`.trim();
  if (b.unit === "%") return `${signed(roundGbt8170(b.delta, 1), 1)} pp (${base})`;
  return b.deltaPercent === null ? `(${base})` : `${signed(roundGbt8170(b.deltaPercent, 1), 1)} % (${base})`;
}

function signed(value: number | null, decimals: number): string {
  if (value === null) return "-";
  const text = value.toFixed(Math.max(decimals, 0));
  return value > 0 ? `+${text}` : text;
}

export const formatTable: Formatter = (report, { lang, color }) => {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const table = new Table({
    head: [
      "col.id",
      "col.target",
      "col.status",
      "col.actual",
      "col.required",
      "col.margin",
      "col.baseline",
      "col.validDays",
      "col.clause",
    ].map((k) => t(lang, k as Parameters<typeof t>[1])),
    style: { head: color ? ["cyan"] : [], border: [], compact: true },
  });
  for (const r of report.results) {
    table.push([
      r.id,
      r.title,
      r.detail.reasonCode === "manual"
        ? chalk.dim(t(lang, "status.manual"))
        : r.informational
          ? t(lang, "status.informational", { status: statusLabel(r.status, lang, chalk) })
          : statusLabel(r.status, lang, chalk),
      fmt(r.actual, r.decimals, r.unit),
      required(r),
      signed(r.margin, r.decimals),
      r.baseline ? (r.status === "pass" ? chalk.green(vsBaseline(r.baseline)) : vsBaseline(r.baseline)) : "",
      r.validDays ?? "-",
      r.clause,
    ]);
    for (const w of r.detail.sections ?? []) {
      const detail = sectionDetail(w);
      const mark = w.meets === false ? chalk.red("✗") : w.meets === true ? "✓" : "";
      table.push([
        "",
        `  ${w.section} (${w.river || "-"})`,
        w.sufficient ? mark : chalk.magenta(t(lang, "status.no-data")),
        w.class ?? "-",
        "",
        detail,
        w.baselineClass !== undefined ? `${w.baselineClass ?? "-"} → ${w.class ?? "-"}` : "",
        w.samplings,
        "",
      ]);
    }
    const areas = r.detail.areas ?? [];
    // A combined target with no data in any area says so once, in its reason line.
    for (const a of areas.some((x) => x.actual !== null) ? areas : []) {
      table.push([
        "",
        `  ${a.area}`,
        a.sufficient ? "" : chalk.magenta(t(lang, "status.no-data")),
        fmt(a.actual, r.decimals, r.unit),
        "",
        "",
        "",
        a.validDays,
        "",
      ]);
    }
  }
  const lines = [
    t(lang, "plan", { title: report.plan.title, year: report.plan.year, file: report.plan.targetsFile }),
    table.toString(),
  ];
  lines.push(t(lang, "summary", report.summary));
  // Targets without input data are summed up per reason, not listed one by one.
  const noInput = new Map<string, string[]>();
  for (const r of report.results) {
    if (r.detail.reasonCode === "no-input")
      noInput.set(r.detail.reason ?? "", [...(noInput.get(r.detail.reason ?? "") ?? []), r.id]);
    else if (r.detail.reason) lines.push(chalk.magenta(`${r.id}: ${r.detail.reason}`));
  }
  for (const r of report.results) {
    const p = r.projection;
    if (!p) continue;
    const status = t(lang, `projection.${p.status}`);
    const color = p.status === "on-track" ? chalk.green : p.status === "at-risk" ? chalk.yellow : chalk.red;
    if (p.allowedNonGoodDays !== undefined)
      lines.push(
        color(
          t(lang, "projection.good", {
            id: r.id,
            status,
            allowed: p.allowedNonGoodDays,
            remaining: p.remainingDays,
          }),
        ),
      );
    else if (p.maxMeanRemaining !== undefined)
      lines.push(
        color(
          t(lang, "projection.mean", {
            id: r.id,
            status,
            max: p.maxMeanRemaining,
            remaining: p.remainingDays,
            unit: r.unit,
          }),
        ),
      );
  }
  for (const w of report.waivers) {
    const key = w.expired ? "waiver.expired" : "waiver.applied";
    lines.push(
      (w.expired ? chalk.yellow : chalk.cyan)(
        t(lang, key, { id: w.id, reason: w.reason, from: w.from, to: w.to, expires: w.expires }),
      ),
    );
  }
  for (const r of report.results)
    if (r.detail.waivedDays)
      lines.push(chalk.cyan(t(lang, "waiver.days", { id: r.id, days: r.detail.waivedDays })));
  if (report.editions) {
    lines.push("", chalk.bold(t(lang, "editions.title")));
    const et = new Table({
      head: ["", "HJ 633-2012", "HJ 633-2026", ""].map(String),
      style: { head: color ? ["cyan"] : [], border: [], compact: true },
    });
    for (const c of report.editions) {
      const a = c.editions["HJ633-2012"];
      const b = c.editions["HJ633-2026"];
      const cats = (f: typeof a) =>
        (["excellent", "good", "light", "moderate", "heavy", "severe"] as const)
          .map((k) => f.byCategory[k] ?? 0)
          .join("/");
      const change =
        a.goodRate !== null && b.goodRate !== null ? `${roundGbt8170(b.goodRate - a.goodRate, 1)} pp` : "";
      et.push([
        c.area,
        `${a.goodRate ?? "-"}% (${a.goodDays}/${a.validDays}) ${cats(a)}`,
        `${b.goodRate ?? "-"}% (${b.goodDays}/${b.validDays}) ${cats(b)}`,
        change,
      ]);
    }
    lines.push(et.toString(), t(lang, "editions.legend"));
  }
  if (report.revisions) {
    const rv = report.revisions;
    const months = Object.entries(rv.byMonth)
      .sort()
      .map(([m, n]) => `${m}: ${n}`)
      .join(", ");
    lines.push(
      chalk.yellow(
        t(lang, "revisions.summary", { changed: rv.changed, removed: rv.removed, months: months || "-" }),
      ),
    );
    for (const r of rv.largest.slice(0, 5))
      lines.push(
        `  ${r.station} ${r.date} ${r.pollutant}: ${roundGbt8170(r.before, 3)} -> ${roundGbt8170(r.after, 3)}`,
      );
  }
  for (const [reason, ids] of noInput)
    lines.push(chalk.magenta(t(lang, "reason.notChecked", { count: ids.length, reason })));
  lines.push("", chalk.bold(t(lang, "basis.title")));
  lines.push(t(lang, "basis.standards", report.standards));
  lines.push(t(lang, "basis.window", { from: report.window.from, to: report.window.to, asOf: report.asOf }));
  lines.push(
    t(lang, "basis.dayValidity", {
      rule: t(lang, `dayValidity.${report.dayValidity}` as Parameters<typeof t>[1]),
    }),
  );
  if (report.hourConvention === "ending" || report.hourConvention === "beginning")
    lines.push(t(lang, `basis.hourConvention.${report.hourConvention}`));
  if (report.inputs.length === 0) lines.push(t(lang, "basis.noInputs"));
  for (const input of report.inputs) lines.push(inputLine(report, input, lang));
  lines.push(...inputWarnings(report, lang, chalk));
  return `${lines.join("\n")}\n`;
};

function inputWarnings(report: CheckReport, lang: Lang, chalk: ChalkInstance): string[] {
  const lines: string[] = report.skippedFiles.map((f) => chalk.yellow(skippedNote(f, lang)));
  // The capture is of all hourly inputs together: print it once.
  const capture = report.inputs.find((i) => i.capture)?.capture;
  if (capture) lines.push(...captureWarnings(capture, lang).map((l) => chalk.yellow(l)));
  for (const input of report.inputs)
    for (const note of inputNotes(input, lang))
      lines.push(note.detail ? `  ${note.text}` : chalk.yellow(note.text));
  return lines;
}
