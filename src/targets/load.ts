// Loading a target file: YAML -> Zod, with every problem mapped back to its line and column.
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { InputError, inputError, type InputProblem } from "../errors.js";
import { describeFsError } from "../data/csv.js";
import { TargetFileSchema, type TargetFile } from "./schema.js";

export interface LoadedTargets {
  file: string;
  /** Folder of the target file: relative paths in it (the seed) resolve from here. */
  dir: string;
  targets: TargetFile;
}

const MAX_TARGET_FILE_BYTES = 1024 * 1024;

export async function loadTargetFile(file: string): Promise<LoadedTargets> {
  let text: string;
  try {
    const bytes = await readFile(file);
    if (bytes.length > MAX_TARGET_FILE_BYTES)
      throw inputError({
        file,
        code: "HY-TARGETS",
        message: `the target file is larger than 1 MiB (${bytes.length} bytes)`,
      });
    text = new TextDecoder("utf-8").decode(bytes);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw inputError({
      file,
      code: "HY-READ",
      message: `cannot read the target file: ${describeFsError(e)}`,
    });
  }
  const parsed = parseWithPositions(text, file);
  const dir = dirname(resolve(file));
  await checkQuotes(parsed, file, dir);
  return { file, dir, targets: parsed.targets };
}

/** Parses and validates target-file text; throws an InputError listing every problem found. */
export function parseTargetFile(text: string, file: string): TargetFile {
  return parseWithPositions(text, file).targets;
}

interface ParsedTargets {
  targets: TargetFile;
  /** Line and column of the value at a path of the file. */
  locate(path: (string | number)[]): { line: number; col: number } | undefined;
}

const squeeze = (text: string) => text.replace(/\s+/g, "");

/**
 * Every target quotes the plan: the seed file must exist and contain each quoted sentence, so a rule
 * can always be traced to the words it enforces.
 */
async function checkQuotes({ targets, locate }: ParsedTargets, file: string, dir: string): Promise<void> {
  // A file of standard limits quotes the standards only (the schema checks that each target names one).
  if (targets.plan.seed === undefined) return;
  let seed: string;
  try {
    seed = squeeze(await readFile(resolve(dir, targets.plan.seed), "utf8"));
  } catch (e) {
    throw inputError({
      file,
      ...locate(["plan", "seed"]),
      field: "plan.seed",
      code: "HY-TARGETS",
      message: `cannot read the plan text ${targets.plan.seed}: ${describeFsError(e)}`,
    });
  }
  const problems: InputProblem[] = [];
  targets.targets.forEach((target, i) => {
    if (target.source.document === undefined && !seed.includes(squeeze(target.source.text)))
      problems.push({
        file,
        ...locate(["targets", i, "source", "text"]),
        field: `targets[${i}].source.text`,
        code: "HY-QUOTE",
        message: `not found in the plan text ${targets.plan.seed}; quote the plan's sentence exactly`,
      });
  });
  if (problems.length > 0) throw new InputError(problems);
}

function parseWithPositions(text: string, file: string): ParsedTargets {
  const lineCounter = new LineCounter();
  // Alias expansion is capped so that a hostile file cannot blow up memory (billion laughs).
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // A tag the YAML core schema does not know (e.g. !!js/function) is refused: target files are data, never code.
  const refused = [...doc.errors, ...doc.warnings.filter((w) => w.code === "TAG_RESOLVE_FAILED")];
  const syntaxProblems: InputProblem[] = refused.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return {
      file,
      line: pos.line,
      col: pos.col,
      code: "HY-YAML",
      message: e.message.split("\n")[0] ?? e.message,
    };
  });
  if (syntaxProblems.length > 0) throw new InputError(syntaxProblems);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw inputError({ file, code: "HY-YAML", message: e instanceof Error ? e.message : String(e) });
  }
  const parsed = TargetFileSchema.safeParse(data);
  const locate = (path: (string | number)[]) => {
    const offset = sourceOffset(doc, path);
    return offset === undefined ? undefined : lineCounter.linePos(offset);
  };
  if (parsed.success) return { targets: parsed.data, locate };
  throw new InputError(parsed.error.issues.map((issue) => issueProblem(issue, doc, lineCounter, file)));
}

function issueProblem(
  issue: z.core.$ZodIssue,
  doc: Document,
  lineCounter: LineCounter,
  file: string,
): InputProblem {
  const path = issue.path.filter((k): k is string | number => typeof k !== "symbol");
  const offset = sourceOffset(doc, path, issue.code === "unrecognized_keys" ? issue.keys : undefined);
  const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
  return {
    file,
    ...(pos ? { line: pos.line, col: pos.col } : {}),
    field: formatPath(path) || "(top level)",
    code: "HY-TARGETS",
    message: issue.message,
  };
}

/** Offset of the node at `path`, or of its nearest ancestor that exists (a missing key points at its parent). */
function sourceOffset(doc: Document, path: (string | number)[], unknownKeys?: string[]): number | undefined {
  if (unknownKeys && unknownKeys.length > 0) {
    const parent = doc.getIn(path, true);
    if (parent && typeof parent === "object" && "items" in parent && Array.isArray(parent.items)) {
      for (const pair of parent.items as { key?: unknown }[]) {
        const key = pair.key;
        if (isNode(key) && unknownKeys.includes(String(key.toJSON())) && key.range) return key.range[0];
      }
    }
  }
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
}
