// A plan text to a draft target file: every commitment with a figure becomes a target quoting its clause,
// qualitative ones in the goals become manual targets, and every figure left out is listed with the reason.
// Pure: text in, a target-file object and the review rows out (the YAML and the table are at the edges).
import type { z } from "zod";
import { inputError } from "../errors.js";
import { t, type Lang } from "../i18n.js";
import { TargetFileSchema, type TargetFile } from "../targets/schema.js";
import { figureLists, figuresIn, type Figure, type FigureList } from "./figures.js";
import {
  BASELINE_PHRASINGS,
  FIGURE_PHRASINGS,
  PAST_PHRASINGS,
  TASK_VERBS,
  WORDS_PHRASINGS,
  type FigurePhrasing,
} from "./phrasings.js";
import { planStructure, chineseNumber, type PlanClause } from "./structure.js";
import {
  findSubject,
  RIVER_WORDS,
  ROMAN,
  SCOPES,
  WATER_CLASS_WORDS,
  WATER_WORDS,
  type AirSubject,
  type LedgerSubject,
  type Subject,
} from "./subjects.js";
import { quantityOf, type UnitKind } from "./units.js";

/** The target file as written (defaults left out), typed from the schema it must parse with. */
export type DraftFile = z.input<typeof TargetFileSchema>;
type DraftTarget = DraftFile["targets"][number];
type DraftIndicator = NonNullable<DraftFile["indicators"]>[number];
type DraftMetric = DraftTarget["metric"];
type Baseline = { year: number } | { previousYear: true };

/** Why a sentence holding a figure gave no target, as a message key suffix and its parameters. */
export interface DraftReason {
  code:
    "past" | "pastSection" | "pastWords" | "noUnit" | "noPhrasing" | "listMismatch" | "changeUnit" | "noRule";
  params?: Record<string, string | number>;
}

/** What the reviewer should know about a drafted target. */
export interface DraftNote {
  code:
    | "previousYear"
    | "goodDays"
    | "direction"
    | "worseThanV"
    | "about"
    | "translate"
    | "confirmUnit"
    | "keeps"
    | "qualitative";
  params?: Record<string, string | number>;
}

export type ReviewRow =
  | { kind: "target"; label: string; id: string; text: string; notes: DraftNote[] }
  | { kind: "skipped"; label: string; text: string; reason: DraftReason };

export interface Draft {
  file: DraftFile;
  /** The file as the schema reads it (defaults filled in): what `hy-check targets` will show. */
  parsed: TargetFile;
  review: ReviewRow[];
}

export interface DraftOptions {
  /** Path of the plan text relative to the target file (plan.seed). */
  seed: string;
  /** The plan year when the title does not give it (or to override it). */
  year?: number;
  /** For error messages: the plan file as the user named it. */
  file?: string;
  lang?: Lang;
}

interface Scope {
  key: "urban" | "city" | "counties";
  /** The plan's word (市城区, 全市, 各县市): the id of the area it names. */
  word: string;
  en: string;
}

const DEFAULT_SCOPE: Scope = { key: "city", word: "全市", en: "City" };

/** Drafts the target file of a plan text. Throws an InputError (HY-DRAFT) without a plan year or any target. */
export function draftTargets(text: string, options: DraftOptions): Draft {
  const lang = options.lang ?? "en";
  const file = options.file ?? "plan";
  const plan = planStructure(text);
  const year = options.year ?? plan.year;
  if (year === undefined) throw inputError({ file, code: "HY-DRAFT", message: t(lang, "draft.noYear") });
  const b = new Builder(year);
  let carried = DEFAULT_SCOPE;
  let paragraph = -1;
  for (const clause of plan.clauses) {
    if (clause.paragraph !== paragraph) {
      paragraph = clause.paragraph;
      carried = DEFAULT_SCOPE;
    }
    const sentence = plan.sentences[clause.sentence] ?? clause.text;
    const { figures } = figuresIn(clause.text);
    const waterClass = WATER_CLASS_WORDS.exec(clause.text);
    const holdsFigure = figures.length > 0 || (waterClass !== null && WATER_WORDS.test(clause.text));
    const past = clause.pastSection ? { code: "pastSection" as const } : pastReason(sentence, year);
    if (past) {
      if (holdsFigure) b.skip(clause, past);
      continue;
    }
    carried = scopeIn(clause.text) ?? carried;
    if (waterClass && WATER_WORDS.test(clause.text)) b.waterClass(clause, waterClass, figures);
    else if (figures.length > 0) {
      let from = 0;
      for (const list of figureLists(clause.text, figures)) {
        b.figureList(clause, sentence, list, from, carried);
        from = list.end;
      }
    } else if (!plan.hasGoals || clause.goals) b.words(clause, carried);
  }
  return b.finish(options, plan.title, lang, file);
}

/** A sentence that reports a past result: an earlier year that is no baseline, or words of a change made. */
function pastReason(sentence: string, year: number): DraftReason | undefined {
  for (const m of sentence.matchAll(/(\d{4})\s*年/g)) {
    const y = Number(m[1]);
    if (y >= year) continue;
    const before = sentence.slice(Math.max(0, m.index - 3), m.index);
    const after = sentence.slice(m.index + m[0].length);
    if (/(?:比|较|同比|相比|与|对比|从)\s*$/.test(before)) continue;
    if (/^(?:的)?(?:基础上|水平上|基数上|相比|比)/.test(after)) continue;
    return { code: "past", params: { year: y } };
  }
  const words = PAST_PHRASINGS.find((p) => p.pattern.test(sentence));
  return words
    ? { code: "pastWords", params: { words: sentence.match(words.pattern)?.[0] ?? words.en } }
    : undefined;
}

function scopeIn(text: string): Scope | undefined {
  for (const s of SCOPES) {
    const m = s.pattern.exec(text);
    if (m) return { key: s.key, word: m[0], en: s.en };
  }
  return undefined;
}

/** The longest phrasing of `kinds` the text ends with (verbs) or starts with (bounds). */
function phrasingAt<K extends FigurePhrasing["kind"]>(
  text: string,
  kinds: readonly K[],
  at: "end" | "start",
): Extract<FigurePhrasing, { kind: K }> | undefined {
  let best: Extract<FigurePhrasing, { kind: K }> | undefined;
  for (const p of FIGURE_PHRASINGS) {
    if (!(kinds as readonly string[]).includes(p.kind)) continue;
    const hit = at === "end" ? text.endsWith(p.words) : text.startsWith(p.words);
    if (hit && (!best || p.words.length > best.words.length))
      best = p as Extract<FigurePhrasing, { kind: K }>;
  }
  return best;
}

/** Words around a subject that are not the subject: adverbs of the commitment. */
const ADVERBS = /(?:分别|均|平均|继续|进一步|力争|确保|要|将|都|全面|稳定)+$/;
const LIST_SEPARATORS = /、|和|及|与/;

/** 二(一) -> c2_1, 三(二)7 -> c3_2_7: the clause in an id. */
function clauseKey(label: string): string {
  const digits = label.replace(/[一二三四五六七八九十]+/g, (n) => `_${chineseNumber(n)}_`);
  const key = digits.replace(/[^0-9]+/g, "_").replace(/^_|_$/g, "");
  return `c${key || "0"}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The change's baseline from the words before the figure, else from the sentence; the previous year when none. */
function baselineOf(prefix: string, sentence: string): { baseline: Baseline; named: boolean; words: string } {
  for (const text of [prefix, sentence])
    for (const b of BASELINE_PHRASINGS) {
      const m = b.pattern.exec(text);
      if (!m) continue;
      if (b.year === "named") return { baseline: { year: Number(m[1]) }, named: true, words: m[0] };
      return { baseline: { previousYear: true }, named: true, words: m[0] };
    }
  return { baseline: { previousYear: true }, named: false, words: "" };
}

interface Commitment {
  clause: PlanClause;
  /** The subject's words as the plan writes them, e.g. PM2.5年平均浓度. */
  name: string;
  subject: Subject | undefined;
  scope: Scope;
  figure: Figure;
  kind: "level" | "change" | "task";
  op: ">=" | "<=";
  sign: -1 | 1;
  keeps: boolean;
  tolerance?: number;
  baseline?: { baseline: Baseline; named: boolean };
}

class Builder {
  readonly targets: DraftTarget[] = [];
  readonly review: ReviewRow[] = [];
  private readonly indicators = new Map<string, DraftIndicator>();
  private readonly areas = new Map<string, { id: string; name: { zh: string; en: string }; kind: "urban" }>();
  private readonly ids = new Set<string>();

  constructor(readonly year: number) {}

  skip(clause: PlanClause, reason: DraftReason): void {
    this.review.push({ kind: "skipped", label: clause.label, text: clause.text, reason });
  }

  private add(
    clause: PlanClause,
    target: Omit<DraftTarget, "source" | "id">,
    id: string,
    notes: DraftNote[],
  ): void {
    let unique = id;
    for (let n = 2; this.ids.has(unique); n++) unique = `${id}_${n}`;
    this.ids.add(unique);
    const { title, ...rule } = target;
    this.targets.push({
      id: unique,
      title,
      source: { clause: clause.label || "-", text: clause.text },
      ...rule,
    });
    this.review.push({ kind: "target", label: clause.label, id: unique, text: clause.text, notes });
  }

  /** An id no target or indicator has yet: a figure no subject row knows gets its own indicator. */
  private fresh(base: string): string {
    let id = base;
    for (let n = 2; this.ids.has(id) || this.indicators.has(id); n++) id = `${base}_${n}`;
    return id;
  }

  private indicator(spec: DraftIndicator): void {
    const known = this.indicators.get(spec.id);
    if (!known) this.indicators.set(spec.id, spec);
    else known.names = [...new Set([...(known.names ?? []), ...(spec.names ?? [])])];
  }

  private area(scope: Scope): { area: string } | { areaKind: "county"; combine: "mean" } {
    if (scope.key === "counties") return { areaKind: "county", combine: "mean" };
    if (!this.areas.has(scope.word))
      this.areas.set(scope.word, {
        id: scope.word,
        name: { zh: scope.word, en: scope.en === "Urban" ? "Urban area" : "City" },
        kind: "urban",
      });
    return { area: scope.word };
  }

  /** Ⅲ类 for the sections: the share of sections meeting the class, 100 % unless the clause gives a share. */
  waterClass(clause: PlanClause, m: RegExpExecArray, figures: Figure[]): void {
    const worse = m[1] !== undefined;
    const cls = ROMAN[m[2] ?? ""] ?? "III";
    const share = figures.find((f) => f.unit?.kind === "percent");
    const after = share ? clause.text.slice(share.end).trimStart() : "";
    const bound = phrasingAt(after, ["bound"], "start");
    const notes: DraftNote[] = [];
    let op: ">=" | "<=" = bound?.op ?? (worse ? "<=" : ">=");
    let value = share?.value ?? (worse ? 0 : 100);
    let metricClass: "I" | "II" | "III" | "IV" | "V" = cls;
    if (worse) {
      // A share of sections worse than Ⅴ at most x % is a share meeting Ⅴ of at least 100 - x %.
      metricClass = "V";
      value = 100 - value;
      op = op === "<=" ? ">=" : "<=";
      notes.push({ code: "worseThanV", params: { share: share?.value ?? 0, value } });
    }
    const riverMatch = RIVER_WORDS.exec(clause.text);
    const river = riverMatch?.[1]?.replace(/^(?:全市|全县|全区|境内|市域|我市)/, "");
    const base = river ? "water.river.class" : "water.sections.class";
    this.add(
      clause,
      {
        title: {
          zh: river ? `${river}断面水质类别` : "地表水考核断面水质类别",
          en: `${river ? `${river} sections` : "Assessed sections"} at Class ${metricClass} or better`,
        },
        metric: { name: "water.sections_meeting", class: metricClass, ...(river ? { river } : {}) },
        op,
        value,
        unit: "%",
      },
      base,
      notes,
    );
  }

  figureList(clause: PlanClause, sentence: string, list: FigureList, from: number, scope: Scope): void {
    const text = clause.text;
    const prefix = text
      .slice(from, list.start)
      .trimEnd()
      .replace(/(?:分别|均)$/, "");
    const after = text.slice(list.end).trimStart();
    const bound = phrasingAt(after, ["bound", "about"], "start");
    const verb = phrasingAt(prefix, ["level", "change"], "end");
    const first = list.figures[0];
    if (!first) return;
    if (list.figures.some((f) => f.unit === undefined))
      return this.skip(clause, {
        code: "noUnit",
        params: { figure: list.figures.map((f) => f.written).join("、") },
      });
    const about = bound?.kind === "about" ? bound : undefined;
    const boundOp = bound?.kind === "bound" ? bound.op : undefined;
    let kind: Commitment["kind"];
    if (verb?.kind === "change") kind = "change";
    else if (verb || boundOp || about) kind = "level";
    else if (list.figures.length === 1 && first.unit?.kind === "count" && TASK_VERBS.test(prefix))
      kind = "task";
    else return this.skip(clause, { code: "noPhrasing" });
    const baseline = kind === "change" ? baselineOf(prefix, sentence) : undefined;
    let subjectWords = verb ? prefix.slice(0, prefix.length - verb.words.length) : prefix;
    if (baseline?.words) subjectWords = subjectWords.replace(baseline.words, "");
    subjectWords = subjectWords
      .replace(/[，,\s]+$/, "")
      .replace(ADVERBS, "")
      .trim();
    if (kind === "task") subjectWords = after.replace(/^的/, "").split("的")[0] ?? after;
    const items =
      list.figures.length > 1 ? subjectWords.split(LIST_SEPARATORS).filter((s) => s.trim()) : [subjectWords];
    if (items.length !== list.figures.length)
      return this.skip(clause, {
        code: "listMismatch",
        params: { subjects: items.length, figures: list.figures.length },
      });
    const last = items[items.length - 1] ?? "";
    const head = headOf(last);
    list.figures.forEach((figure, i) => {
      const item = (items[i] ?? "").trim();
      const name = i < items.length - 1 && head && !item.endsWith(head) ? `${item}${head}` : item;
      const phrase = `${item} ${last}`;
      const subject =
        kind === "task"
          ? undefined
          : findSubject(item, phrase, kind === "change" ? ["air", "ledger"] : ["air", "ledger", "drinking"]);
      const sign = verb?.kind === "change" ? verb.sign : 1;
      const op: ">=" | "<=" =
        kind === "change"
          ? boundOp === "<=" && sign > 0
            ? "<="
            : sign < 0
              ? "<="
              : ">="
          : (boundOp ??
            (verb?.kind === "level" ? verb.op : undefined) ??
            (subjectBetter(subject) === "lower" ? "<=" : ">="));
      const tolerance = about
        ? figure.unit?.kind === "percent"
          ? about.percentPoints
          : Math.round(figure.value * about.relative * 10) / 10 || undefined
        : undefined;
      this.commitment({
        clause,
        name: name || text,
        subject,
        scope,
        figure,
        kind,
        op,
        sign,
        keeps: verb?.kind === "level" && verb.keeps === true,
        ...(tolerance !== undefined ? { tolerance } : {}),
        ...(baseline ? { baseline } : {}),
      });
    });
  }

  private commitment(c: Commitment): void {
    const { clause, figure } = c;
    const unitKind: UnitKind = figure.unit?.kind ?? "other";
    const unit = figure.unit?.unit ?? "";
    const tolerance = c.tolerance !== undefined ? { tolerance: c.tolerance } : {};
    const notes: DraftNote[] =
      c.tolerance !== undefined ? [{ code: "about", params: { tolerance: c.tolerance } }] : [];
    const s = c.subject;
    if (c.kind === "change") {
      if (unitKind !== "percent" && unitKind !== "points")
        return this.skip(clause, { code: "changeUnit", params: { unit } });
      const base = c.baseline ?? { baseline: { previousYear: true as const }, named: false };
      if (!base.named) notes.push({ code: "previousYear" });
      const spec = this.changeIndicator(c);
      if (spec.notes) notes.push(...spec.notes);
      const years = "year" in base.baseline ? String(base.baseline.year) : undefined;
      return this.add(
        clause,
        {
          title: {
            zh: `${spec.zh}${years ? `较${years}年` : "较上年"}变化`,
            en: capitalise(`${spec.en}, change vs ${years ?? "the previous year"}`),
          },
          metric: { name: "ledger.change", indicator: spec.id, baseline: base.baseline },
          op: c.op,
          value: c.sign * figure.value,
          unit: "%",
          ...tolerance,
        },
        spec.id,
        notes,
      );
    }
    if (c.kind === "task") {
      const id = this.fresh(`task.${clauseKey(clause.label)}`);
      this.indicator({ id, names: [c.name], quantity: "count", unit, better: "higher" });
      return this.add(
        clause,
        {
          title: { zh: clause.text, en: `Clause ${clause.label || "-"}: ${c.name}` },
          metric: { name: "ledger.value", indicator: id },
          op: ">=",
          value: figure.value,
          unit,
        },
        id,
        [{ code: "translate" }],
      );
    }
    if (s?.family === "air" && unitMatches(s, unitKind)) {
      const id = `air.${c.scope.key}.${s.key}`;
      const scope = this.area(c.scope);
      const targetUnit = s.unit === "days" ? "d" : unit;
      let baseline: { baseline: { year: number } } | Record<string, never> = {};
      if (c.keeps) {
        // 保持 (keep at): the level is last year's, so the target shows the change against last year's figure.
        baseline = { baseline: { year: this.year - 1 } };
        this.indicator({
          id,
          names: [`${c.scope.word}${s.zh}`],
          quantity: quantityOf(unitKind),
          unit: targetUnit === "d" ? "天" : targetUnit,
          better: s.better,
        });
        notes.push({ code: "keeps", params: { year: this.year - 1 } });
      }
      return this.add(
        clause,
        {
          title: { zh: `${c.scope.word}${s.zh}`, en: `${c.scope.en} ${s.en}` },
          metric: s.metric,
          scope,
          op: c.op,
          value: figure.value,
          unit: targetUnit,
          ...baseline,
          ...tolerance,
        },
        id,
        notes,
      );
    }
    if (s?.family === "drinking" && unitKind === "percent")
      return this.add(
        clause,
        {
          title: { zh: s.zh, en: s.en },
          metric: { name: "water.drinking_compliance" },
          op: c.op,
          value: figure.value,
          unit: "%",
          ...tolerance,
        },
        "water.drinking.compliance",
        notes,
      );
    const ledger = s?.family === "ledger" ? s : undefined;
    const id = ledger
      ? ledger.id.replace("{scope}", c.scope.key)
      : this.fresh(`ledger.${clauseKey(clause.label)}`);
    if (ledger?.id === "air.{scope}.good_days") notes.push({ code: "goodDays" });
    if (!ledger) notes.push({ code: "translate" });
    this.indicator({
      id,
      names: [c.name],
      quantity: quantityOf(unitKind),
      unit,
      better: ledger?.better ?? (c.op === "<=" ? "lower" : "higher"),
    });
    this.add(
      clause,
      {
        title: ledger
          ? {
              zh: `${ledger.id.includes("{scope}") ? c.scope.word : ""}${ledger.zh}`,
              en: capitalise(ledger.en),
            }
          : { zh: c.name, en: `Clause ${clause.label || "-"}: ${c.name}` },
        metric: { name: "ledger.value", indicator: id } satisfies DraftMetric,
        op: c.op,
        value: figure.value,
        unit,
        ...tolerance,
      },
      id,
      notes,
    );
  }

  /** The ledger indicator a change is measured on: the subject's, or one named with the plan's words. */
  private changeIndicator(c: Commitment): { id: string; zh: string; en: string; notes?: DraftNote[] } {
    const s = c.subject;
    if (s?.family === "air") {
      const id = `air.${c.scope.key}.${s.key}`;
      const co = s.metric.name === "air.percentile" && s.metric.pollutant === "CO";
      const unit = { percent: "%", days: "天", index: "index", concentration: co ? "mg/m3" : "ug/m3" }[
        s.unit
      ];
      const quantity =
        s.unit === "percent" ? "ratio" : s.unit === "concentration" ? "concentration" : "count";
      this.indicator({ id, names: [`${c.scope.word}${s.zh}`], quantity, unit, better: s.better });
      return { id, zh: `${c.scope.word}${s.zh}`, en: `${c.scope.en} ${s.en}` };
    }
    if (s?.family === "ledger") {
      const id = s.id.replace("{scope}", c.scope.key);
      this.indicator(ledgerSpec(id, s, c.name));
      return { id, zh: s.zh, en: s.en };
    }
    const id = this.fresh(`ledger.${clauseKey(c.clause.label)}`);
    const ratio = /率|比例/.test(c.name);
    const mass = !ratio && /排放|量/.test(c.name);
    this.indicator({
      id,
      names: [c.name],
      quantity: ratio ? "ratio" : mass ? "mass" : "count",
      unit: ratio ? "%" : mass ? "吨" : "个",
      better: c.sign < 0 ? "lower" : "higher",
    });
    return {
      id,
      zh: c.name,
      en: `Clause ${c.clause.label || "-"}: ${c.name}`,
      notes: [{ code: "translate" }, { code: "confirmUnit" }],
    };
  }

  /** A commitment without a figure: a zero count, a direction of change, or a manual target. */
  words(clause: PlanClause, scope: Scope): void {
    const text = clause.text;
    if (/目标$/.test(text) && text.length <= 16) return;
    const phrasing = WORDS_PHRASINGS.find((p) => p.pattern.test(text));
    if (!phrasing) {
      // A short line such as 空气质量 or 减排任务 is a sub-heading, not a commitment.
      if (clause.goals && text.length > 6) this.skip(clause, { code: "noRule" });
      return;
    }
    if (phrasing.kind === "zero") {
      const s = findSubject(text, text, ["ledger"]);
      const ledger = s?.family === "ledger" && s.quantity === "count" ? s : undefined;
      const id = ledger
        ? ledger.id.replace("{scope}", scope.key)
        : this.fresh(`ledger.${clauseKey(clause.label)}`);
      this.indicator(
        ledger
          ? ledgerSpec(id, ledger, text)
          : { id, names: [text], quantity: "count", unit: "起", better: "lower" },
      );
      return this.add(
        clause,
        {
          title: ledger
            ? { zh: ledger.zh, en: capitalise(ledger.en) }
            : { zh: text, en: `Clause ${clause.label || "-"}: ${phrasing.en}` },
          metric: { name: "ledger.value", indicator: id },
          op: "==",
          value: 0,
          unit: ledger?.unit ?? "起",
        },
        id,
        ledger ? [] : [{ code: "translate" }],
      );
    }
    if (phrasing.kind === "direction") {
      const s = findSubject(text, text, ["air", "ledger"]);
      if (s?.family === "air" || s?.family === "ledger") {
        const better = s.better;
        const sign = phrasing.sign === "better" ? (better === "lower" ? -1 : 1) : phrasing.sign;
        const c: Commitment = {
          clause,
          name: text,
          subject: s,
          scope,
          figure: {
            value: 0,
            written: "0",
            unit: { spelling: "%", unit: "%", kind: "percent" },
            start: 0,
            end: 0,
          },
          kind: "change",
          op: sign < 0 ? "<=" : ">=",
          sign,
          keeps: false,
          baseline: { baseline: { previousYear: true }, named: true },
        };
        const spec = this.changeIndicator(c);
        return this.add(
          clause,
          {
            title: { zh: `${spec.zh}较上年变化`, en: capitalise(`${spec.en}, change vs the previous year`) },
            metric: { name: "ledger.change", indicator: spec.id, baseline: { previousYear: true } },
            op: c.op,
            value: 0,
            unit: "%",
          },
          spec.id,
          [{ code: "direction" }],
        );
      }
    }
    const topic = findSubject(text, text, ["topic"]);
    const id = topic?.family === "topic" ? topic.key : `manual.${clauseKey(clause.label)}`;
    this.add(
      clause,
      {
        title: {
          zh: text,
          en: topic ? `${topic.en}: ${phrasing.en}` : `Clause ${clause.label || "-"}: ${phrasing.en}`,
        },
        metric: { name: "manual" },
      },
      id,
      [{ code: "qualitative" }],
    );
  }

  finish(options: DraftOptions, title: string | undefined, lang: Lang, file: string): Draft {
    if (this.targets.length === 0)
      throw inputError({ file, code: "HY-DRAFT", message: t(lang, "draft.noTargets") });
    const city = title
      ? /^(.{2,8}?(?:市|县|区|州|盟|旗))\s*\d{4}|年\s*(.{2,8}?(?:市|县|区|州|盟|旗))/.exec(title)
      : null;
    const draft: DraftFile = {
      schemaVersion: 1,
      plan: {
        title: {
          zh: title ?? `${this.year}年生态环境保护工作计划`,
          en: `Ecology and environment work plan ${this.year}`,
        },
        year: this.year,
        issuer: `${city?.[1] ?? city?.[2] ?? ""}生态环境局`,
        seed: options.seed,
      },
      areas: [...this.areas.values()].map((a) => ({ ...a, stations: [] })),
      ...(this.targets.some((x) => x.metric.name === "water.sections_meeting" && x.metric.river)
        ? { sections: [] }
        : {}),
      indicators: [...this.indicators.values()],
      targets: this.targets,
    };
    const parsed = TargetFileSchema.safeParse(draft);
    if (!parsed.success) throw new Error(`the draft does not parse: ${parsed.error.message}`);
    return { file: draft, parsed: parsed.data, review: this.review };
  }
}

function ledgerSpec(id: string, s: LedgerSubject, name: string): DraftIndicator {
  return { id, names: [...new Set([name, s.zh])], quantity: s.quantity, unit: s.unit, better: s.better };
}

function subjectBetter(s: Subject | undefined): "higher" | "lower" | undefined {
  return s && (s.family === "air" || s.family === "ledger") ? s.better : undefined;
}

function unitMatches(s: AirSubject, kind: UnitKind): boolean {
  return s.unit === kind || (s.unit === "index" && kind === "other");
}

/** What the last item of a list has after its first word: 年平均浓度 of PM10年平均浓度, shared by the items before. */
function headOf(item: string): string {
  const m = /^(?:PM2\.5|PM10|SO2|NO2|CO|O3|[\u4e00-\u9fa5]{2,5}?(?=年|浓度|排放))/i.exec(item);
  return m ? item.slice(m[0].length) : "";
}
