// A plan text as its numbered parts: the title, the headings (一、 (一) 1、 (1)) and, under them, sentences
// cut into clauses. A clause keeps the plan's exact words, so a target can quote it (HY-QUOTE).
import { GOALS_HEADING, PAST_HEADING } from "./phrasings.js";

export interface PlanClause {
  /** The clause as the plan writes it (trimmed), between two of ，,；;：: or a sentence end. */
  text: string;
  /** The plan's numbering at the clause: 二(一), 三(二)7, or "" before any heading. */
  label: string;
  /** Index of the sentence (up to 。！？) the clause belongs to, counted over the whole text. */
  sentence: number;
  /** Index of the paragraph (line). */
  paragraph: number;
  /** In a section whose heading names goals (工作目标, 主要指标). */
  goals: boolean;
  /** In a section whose heading reviews past work (工作回顾) or names an earlier year. */
  pastSection: boolean;
}

export interface PlanStructure {
  /** The title line (e.g. 2019年衡阳市生态环境保护工作要点) and its year. */
  title?: string;
  year?: number;
  clauses: PlanClause[];
  /** Some section names goals: qualitative commitments are drafted from those sections only. */
  hasGoals: boolean;
  /** Each sentence's full text, by index. */
  sentences: string[];
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 -> 1, 十二 -> 12, 二十 -> 20 (headings do not go beyond 99). */
export function chineseNumber(text: string): number {
  const [tens, ones] = text.includes("十") ? text.split("十") : ["", text];
  const t = text.includes("十") ? (tens ? (CN_DIGITS[tens] ?? 0) : 1) : 0;
  return t * 10 + (ones ? (CN_DIGITS[ones] ?? 0) : 0);
}

const LEVEL1 = /^([一二三四五六七八九十]+)、\s*/;
const LEVEL2 = /^[(（]([一二三四五六七八九十]+)[)）]\s*/;
const LEVEL3 = /^(\d{1,3})(?:、|[.．](?!\d))\s*/;
const LEVEL4 = /^[(（](\d{1,3})[)）]\s*/;
/** Lines of a web page around the plan (breadcrumbs, footer): no commitments there. */
const PAGE_LINE =
  /^(?:当前位置|来源[:：]|发布时间|友情链接|主办[:：单]|联系电话|邮编|网站标识码|网站备案号|网站地图|版权所有|Copyright)/i;
const TITLE = /(\d{4})\s*年.{0,40}?(?:工作要点|工作计划|工作方案|要点|计划|方案)/;

/** Cuts points: sentence ends, and clause separators that are not inside a number (1,000; 08:57). */
const SENTENCE_END = /[。！？!?]/;
const CLAUSE_SEP = /[，,；;：:]/;

export function planStructure(text: string): PlanStructure {
  const clauses: PlanClause[] = [];
  const sentences: string[] = [];
  let title: string | undefined;
  let year: number | undefined;
  let l1 = "";
  let l2 = "";
  let l3 = "";
  let l4 = "";
  let goals1 = false;
  let goals2 = false;
  let past1 = false;
  let hasGoals = false;
  let numbered = false;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, paragraph) => {
    let line = raw.trim();
    if (!line || PAGE_LINE.test(line)) return;
    if (!numbered && title === undefined) {
      const m = TITLE.exec(line);
      if (m && line.length <= 60 && !SENTENCE_END.test(line)) {
        title = line;
        year = Number(m[1]);
        return;
      }
    }
    let m: RegExpExecArray | null;
    if ((m = LEVEL1.exec(line))) {
      numbered = true;
      l1 = m[1] ?? "";
      l2 = l3 = l4 = "";
      line = line.slice(m[0].length);
      const heading = headingOf(line);
      goals1 = GOALS_HEADING.test(heading);
      goals2 = false;
      past1 = PAST_HEADING.test(heading) || earlierYear(heading, year);
    } else if ((m = LEVEL2.exec(line))) {
      numbered = true;
      l2 = m[1] ?? "";
      l3 = l4 = "";
      line = line.slice(m[0].length);
      goals2 = GOALS_HEADING.test(headingOf(line));
    } else if ((m = LEVEL4.exec(line))) {
      l4 = m[1] ?? "";
      line = line.slice(m[0].length);
    } else if ((m = LEVEL3.exec(line))) {
      numbered = true;
      l3 = m[1] ?? "";
      l4 = "";
      line = line.slice(m[0].length);
    }
    const goals = goals1 || goals2;
    hasGoals ||= goals;
    const label = `${l1}${l2 ? `(${l2})` : ""}${l3}${l4 ? `(${l4})` : ""}`;
    for (const sentence of cut(line, SENTENCE_END)) {
      const index = sentences.push(sentence) - 1;
      for (const clause of cut(sentence, CLAUSE_SEP))
        clauses.push({ text: clause, label, sentence: index, paragraph, goals, pastSection: past1 });
    }
  });
  return {
    ...(title !== undefined ? { title } : {}),
    ...(year !== undefined ? { year } : {}),
    clauses,
    hasGoals,
    sentences,
  };
}

/** A heading is the line up to its first sentence end (二、工作目标; (一)生态环境质量目标。…). */
function headingOf(line: string): string {
  return line.split(SENTENCE_END)[0] ?? "";
}

function earlierYear(text: string, year: number | undefined): boolean {
  if (year === undefined) return false;
  return [...text.matchAll(/(\d{4})\s*年/g)].some((m) => Number(m[1]) < year);
}

/** The non-empty trimmed pieces of `text` between separators; a separator between two digits does not cut. */
function cut(text: string, separator: RegExp): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (!separator.test(c)) continue;
    if (/\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? "")) continue;
    pieces.push(text.slice(start, i));
    start = i + 1;
  }
  pieces.push(text.slice(start));
  return pieces.map((p) => p.trim()).filter((p) => p.length > 0);
}
