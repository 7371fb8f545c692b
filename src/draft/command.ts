// `hy-check draft <plan.txt>`: the edge around the pure drafting: reads the plan text (UTF-8 or GB18030, as
// data files are detected), writes the YAML to a file or stdout and the review table to stderr.
import { readFile, writeFile } from "node:fs/promises";
import { dirname, relative, resolve, sep } from "node:path";
import { fsReason } from "../data/csv.js";
import { decodeText, detectEncoding } from "../data/encoding.js";
import { inputError, keyedProblem } from "../errors.js";
import { t, type Lang } from "../i18n.js";
import { draftTargets } from "./draft.js";
import { reviewText } from "./review.js";
import { draftYaml } from "./write.js";

export interface DraftCommandOptions {
  output?: string | undefined;
  year?: number | undefined;
  lang: Lang;
}

export interface DraftIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const MAX_PLAN_BYTES = 4 * 1024 * 1024;

/** The plan text, decoded: UTF-8 (with or without BOM) or GB18030, detected as for data files. */
export async function readPlanText(
  file: string,
): Promise<{ text: string; encoding: "utf-8" | "gb18030" | "gbk" }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw inputError(keyedProblem({ file, code: "HY-READ" }, "draft.cannotRead", { reason: fsReason(e) }));
  }
  if (bytes.length > MAX_PLAN_BYTES)
    throw inputError(keyedProblem({ file, code: "HY-DRAFT" }, "draft.tooLarge", { size: bytes.length }));
  // Decoded as data files are: an error names the line and column of the bad bytes.
  return { text: decodeText(file, bytes), encoding: detectEncoding(bytes) };
}

/** A path as a target file writes it: relative, with forward slashes. */
const portable = (path: string) => path.split(sep).join("/");

export async function runDraft(plan: string, options: DraftCommandOptions, io: DraftIo): Promise<void> {
  // The quote check decodes plan.seed as data files are decoded, so a GB18030 plan is its own seed.
  const { text } = await readPlanText(plan);
  const outDir = options.output ? dirname(resolve(options.output)) : process.cwd();
  const seed = portable(relative(outDir, resolve(plan)));
  const draft = draftTargets(text, {
    seed,
    file: plan,
    lang: options.lang,
    ...(options.year !== undefined ? { year: options.year } : {}),
  });
  const yaml = draftYaml(draft, options.lang);
  if (options.output) await write(options.output, yaml);
  else io.stdout(yaml);
  io.stderr(reviewText(draft, plan, options.lang));
  if (options.output) io.stderr(`${t(options.lang, "draft.written", { file: options.output })}\n`);
}

async function write(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (e) {
    throw inputError(keyedProblem({ file, code: "HY-WRITE" }, "draft.cannotWrite", { reason: fsReason(e) }));
  }
}
