// How plans phrase their commitments, as data: a new phrasing is one row. Each row names the words and
// what they mean for a rule; src/draft/draft.ts applies them (verbs before a figure, bounds after it).

/** Words right before a figure: the level it must reach or stay under. */
export interface LevelVerb {
  kind: "level";
  words: string;
  op: ">=" | "<=";
  /** 保持 (keep at): the level was last year's, so the draft shows the change against last year. */
  keeps?: boolean;
}

/** Words right before a figure: a change by that much (下降2%, 提高3个百分点). */
export interface ChangeVerb {
  kind: "change";
  words: string;
  sign: -1 | 1;
}

/** Words right after a figure: which side of it the value must be on. */
export interface Bound {
  kind: "bound";
  words: string;
  op: ">=" | "<=";
}

/**
 * 左右 (about): the shipped Hengyang plan reads "达到90%左右" as >= 90 with up to 2 percentage points short
 * a warning; a figure in another unit gets 2 % of the figure.
 */
export interface About {
  kind: "about";
  words: string;
  percentPoints: number;
  relative: number;
}

export type FigurePhrasing = LevelVerb | ChangeVerb | Bound | About;

export const FIGURE_PHRASINGS: readonly FigurePhrasing[] = [
  { kind: "level", words: "保持在", op: ">=", keeps: true },
  { kind: "level", words: "稳定在", op: ">=", keeps: true },
  { kind: "level", words: "保持", op: ">=", keeps: true },
  { kind: "level", words: "达到", op: ">=" },
  { kind: "level", words: "不低于", op: ">=" },
  { kind: "level", words: "不少于", op: ">=" },
  { kind: "level", words: "提高到", op: ">=" },
  { kind: "level", words: "提高至", op: ">=" },
  { kind: "level", words: "提升到", op: ">=" },
  { kind: "level", words: "提升至", op: ">=" },
  { kind: "level", words: "控制在", op: "<=" },
  { kind: "level", words: "降至", op: "<=" },
  { kind: "level", words: "降到", op: "<=" },
  { kind: "level", words: "下降至", op: "<=" },
  { kind: "level", words: "下降到", op: "<=" },
  { kind: "level", words: "降低至", op: "<=" },
  { kind: "level", words: "降低到", op: "<=" },
  { kind: "level", words: "不高于", op: "<=" },
  { kind: "level", words: "不超过", op: "<=" },
  { kind: "level", words: "低于", op: "<=" },
  { kind: "change", words: "下降", sign: -1 },
  { kind: "change", words: "降低", sign: -1 },
  { kind: "change", words: "减少", sign: -1 },
  { kind: "change", words: "削减", sign: -1 },
  { kind: "change", words: "提高", sign: 1 },
  { kind: "change", words: "提升", sign: 1 },
  { kind: "change", words: "增加", sign: 1 },
  { kind: "change", words: "增长", sign: 1 },
  { kind: "change", words: "上升", sign: 1 },
  { kind: "bound", words: "及以上", op: ">=" },
  { kind: "bound", words: "以上", op: ">=" },
  { kind: "bound", words: "及以下", op: "<=" },
  { kind: "bound", words: "以下", op: "<=" },
  { kind: "bound", words: "以内", op: "<=" },
  { kind: "about", words: "左右", percentPoints: 2, relative: 0.02 },
];

/** Where a change is measured from: a named year (比2015年), or the previous year (同比, 比上年). */
export interface BaselinePhrasing {
  pattern: RegExp;
  /** The named year is the pattern's first group; without one, the previous year. */
  year: "named" | "previous";
}

export const BASELINE_PHRASINGS: readonly BaselinePhrasing[] = [
  { pattern: /(?:同比|比|较|相比|与|对比)\s*(\d{4})\s*年(?:相比|比|度)?/, year: "named" },
  { pattern: /(?:在)?(\d{4})\s*年(?:的)?(?:基础上|水平上|基数上)/, year: "named" },
  { pattern: /同比|比上年|较上年|比去年|较去年|与上年相比|比上一年/, year: "previous" },
];

/** A commitment without a figure, read from its words. */
export type WordsPhrasing =
  /** A count of events that must stay at zero (不发生, 严防…发生): a ledger figure == 0. */
  | { kind: "zero"; pattern: RegExp; en: string }
  /** A change against the previous year in one direction only: `better` takes the subject's direction. */
  | { kind: "direction"; pattern: RegExp; sign: -1 | 1 | "better"; en: string }
  /** A qualitative commitment: a manual target a person checks. */
  | { kind: "qualitative"; pattern: RegExp; en: string };

export const WORDS_PHRASINGS: readonly WordsPhrasing[] = [
  { kind: "zero", pattern: /不发生|零发生|严防.{0,20}发生|杜绝.{0,20}发生/, en: "none occurring" },
  {
    kind: "direction",
    pattern: /持续改善|持续好转|不断改善|稳步改善/,
    sign: "better",
    en: "keeps improving",
  },
  {
    kind: "direction",
    pattern: /持续减少|持续下降|持续降低|逐年下降|逐年减少/,
    sign: -1,
    en: "keeps falling",
  },
  {
    kind: "direction",
    pattern: /持续增加|持续提高|持续上升|持续增长|逐年提高|逐年增加/,
    sign: 1,
    en: "keeps rising",
  },
  { kind: "qualitative", pattern: /保持稳定|总体稳定|稳中向好/, en: "kept stable" },
  { kind: "qualitative", pattern: /基本完成|全面完成|按时完成/, en: "tasks completed" },
  { kind: "qualitative", pattern: /确保.{0,20}安全/, en: "kept safe" },
  {
    kind: "qualitative",
    pattern: /基本健全|基本建立|明显提升|明显改善|有效(?:控制|遏制|管控)/,
    en: "achieved",
  },
  { kind: "qualitative", pattern: /得到.{0,8}(?:处置|控制|保障|落实)/, en: "ensured" },
  { kind: "qualitative", pattern: /^完成/, en: "completed" },
];

/**
 * A sentence that reports what already happened is context, not a commitment. The earlier-year test (a
 * year before the plan year that is not a baseline, e.g. "2018年全市优良率为85%") is in draft.ts; these
 * are the words that report a change already made.
 */
export const PAST_PHRASINGS: readonly { pattern: RegExp; en: string }[] = [
  {
    // Plans ask to 提高 a rate or 下降 a pollutant; 上升 against last year is how results are reported.
    pattern: /同比上升|较上年上升|比上年上升/,
    en: "同比上升",
  },
  { pattern: /(?:上升|下降|提高|增加|减少|降低|改善)了/, en: "…了" },
  { pattern: /(?<![比较])(?:去年|上年度|上一年)/, en: "去年" },
];

/** Before a counted figure, a verb that makes it a task (完成26个…, 加强对27个…). */
export const TASK_VERBS =
  /完成|建成|新建|建设|推进|实施|整治|淘汰|创建|加强对|开展|改造|治理|关闭|取缔|验收|划定|清理|打造|培育|新增/;

/** Headings of a section of goals (二、工作目标) and of a review of past work (一、2020年工作回顾). */
export const GOALS_HEADING = /目标|指标/;
export const PAST_HEADING = /回顾|总结|完成情况|工作成效|主要成效|基本情况|取得.{0,6}成[效绩]/;
