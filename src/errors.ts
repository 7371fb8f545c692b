// Problems with the user's input, carried as values to the CLI edge and printed once, in one style, in the
// chosen language.
import type { z } from "zod";
import zhCN from "zod/v4/locales/zh-CN.js";
import { isMessageKey, t, type Lang, type MessageKey } from "./i18n.js";
import { safeText } from "./report/safe-text.js";

export interface InputProblem {
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** 1-based column: the CSV field number, or the character column in a YAML file. */
  col?: number;
  /** The worksheet of a workbook input: `line` is then its row number and `col` its column (A = 1). */
  sheet?: string;
  /** The field or target-file path the problem is about, e.g. `PM2.5` or `targets[2].value`. */
  field?: string;
  /** A stable code for scripts, e.g. HY-COLUMN. */
  code: string;
  /** The message in English (what the JSON carries). */
  message: string;
  /** The message's entry in the message table, when it has one: printed in the chosen language. */
  key?: MessageKey;
  params?: Record<string, string | number>;
  /** Parameters that are words of the table themselves (a system reason, a list): said in the chosen language. */
  paramKeys?: Record<string, KeyedWords>;
}

/** Words of the message table inside another message, with their own parameters. */
export interface KeyedWords {
  key: MessageKey;
  params?: Record<string, MessageParam>;
}

/** A message's parameter: a value shown as it is, or words of the table said in the message's language. */
export type MessageParam = string | number | KeyedWords;

/** Thrown by readers and loaders when the input cannot be used; the CLI maps it to exit code 2. */
export class InputError extends Error {
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[]) {
    super(problems.map((p) => formatProblem(p)).join("\n"));
    this.name = "InputError";
    this.problems = problems;
  }
}

export function inputError(problem: InputProblem): InputError {
  return new InputError([problem]);
}

/** Lengths of a problem's parts as printed: a path, a field (a header cell), the message with its quotes. */
const MAX_PATH = 300;
const MAX_FIELD = 100;
const MAX_MESSAGE = 800;

/** The problem's message in `lang`: from the message table when it has an entry, else as written. */
export function problemMessage(p: InputProblem, lang: Lang = "en"): string {
  return p.key !== undefined ? t(lang, p.key, { ...p.params, ...saidParams(lang, p.paramKeys) }) : p.message;
}

function saidParams(lang: Lang, params: Record<string, MessageParam> = {}): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === "object" ? t(lang, value.key, saidParams(lang, value.params)) : value,
    ]),
  );
}

/** A problem with its message key: the English message is the table's, so the two cannot drift. */
export function keyedProblem(
  problem: Omit<InputProblem, "message" | "key" | "params">,
  key: MessageKey,
  params: Record<string, MessageParam> = {},
): InputProblem {
  return { ...problem, ...keyedMessage(key, params) };
}

/** A message with its key and parameters, for a problem whose place is added later (a rejected row). */
export function keyedMessage(
  key: MessageKey,
  params: Record<string, MessageParam> = {},
): Pick<InputProblem, "message" | "key" | "params" | "paramKeys"> {
  const plain: Record<string, string | number> = {};
  const paramKeys: Record<string, KeyedWords> = {};
  for (const [name, value] of Object.entries(params))
    if (typeof value === "object") paramKeys[name] = value;
    else plain[name] = value;
  // A problem without such words keeps its old shape (a rejected row's JSON).
  const said = Object.keys(paramKeys).length > 0 ? { paramKeys } : {};
  return { message: t("en", key, { ...plain, ...saidParams("en", paramKeys) }), key, params: plain, ...said };
}

/** The file a usage problem names: none but the program. */
const PROGRAM = "hy-check";

/**
 * `file:line:col  field  message  [CODE]` (`file:sheet!C51` in a workbook), the one format every problem is
 * printed in; what came from the input is shown with its control characters escaped and cut to a length.
 */
export function formatProblem(p: InputProblem, lang: Lang = "en"): string {
  let where = safeText(p.file, MAX_PATH);
  if (p.sheet !== undefined) where += `:${sheetPlace(p.sheet, p.line, p.col)}`;
  else {
    if (p.line !== undefined) where += `:${p.line}`;
    if (p.line !== undefined && p.col !== undefined) where += `:${p.col}`;
  }
  const parts = p.file === PROGRAM && p.line === undefined ? [] : [where];
  if (p.field) parts.push(safeText(p.field, MAX_FIELD));
  parts.push(safeText(problemMessage(p, lang), MAX_MESSAGE), `[${p.code}]`);
  return parts.join("  ");
}

/** An error as the command line prints it on stderr: `hy-check: file:line:col  message  [CODE]`. */
export function errorLine(p: InputProblem, lang: Lang = "en"): string {
  return `${PROGRAM}: ${formatProblem(p, lang)}`;
}

/** `Sheet1!C51` as Excel writes a reference (`Sheet1!51:51` for a whole row); odd names quoted, `'My sheet'!C51`. */
export function sheetPlace(sheet: string, row?: number, col?: number): string {
  const name = /^[\p{L}\p{N}_.]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  if (row === undefined) return name;
  return col === undefined ? `${name}!${row}:${row}` : `${name}!${columnLetters(col)}${row}`;
}

/** 1 -> A, 26 -> Z, 27 -> AA: a column number as a spreadsheet names it. */
export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const MAX_QUOTED = 40;

/** A cell as a message quotes it: in quotes, cut short, so a 1 MB cell does not become a 1 MB message. */
export function quoted(cell: string): string {
  const chars = [...cell];
  return chars.length <= MAX_QUOTED
    ? `"${cell}"`
    : `"${chars.slice(0, MAX_QUOTED).join("")}…" (${chars.length} characters)`;
}

/**
 * A custom Zod issue's message from the message table (`ctx.addIssue({ code: "custom", ...keyedIssue(...) })`,
 * `.refine(check, keyedIssue(...))`): zod's message is the English; the key in its params says it in any
 * language.
 */
export function keyedIssue(
  key: MessageKey,
  values: Record<string, string | number> = {},
): { message: string; params: { messageKey: MessageKey; values: Record<string, string | number> } } {
  return { message: t("en", key, values), params: { messageKey: key, values } };
}

/** The table's key and values a custom issue carries (keyedIssue), if it does. */
function issueKey(
  issue: z.core.$ZodIssue,
): { key: MessageKey; values: Record<string, string | number> } | undefined {
  if (issue.code !== "custom") return undefined;
  const { messageKey, values } = (issue.params ?? {}) as {
    messageKey?: unknown;
    values?: Record<string, string | number>;
  };
  return typeof messageKey === "string" && isMessageKey(messageKey)
    ? { key: messageKey, values: values ?? {} }
    : undefined;
}

/**
 * A Zod issue's message in `lang`: the table's for a keyed issue (keyedIssue), else zod's own Chinese for zh
 * (its zh-CN locale) and its English otherwise.
 */
export function zodMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  const keyed = issueKey(issue);
  if (keyed) return t(lang, keyed.key, keyed.values);
  if (lang === "en") return issue.message;
  const map = zhCN().localeError;
  // The issue as zod's error map takes it: the parsed input is not kept in a finished issue.
  const said = map({ ...issue, input: undefined } as Parameters<typeof map>[0]);
  return typeof said === "string" ? said : (said?.message ?? issue.message);
}
