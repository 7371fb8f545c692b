// Target-file text -> a validated TargetFile: YAML -> Zod, with every problem mapped back to its line and
// column. Kept apart from load.ts so that a run served by a compiled target file never loads the YAML parser.
import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { InputError, inputError, type InputProblem } from "../errors.js";
import { aliasProblem } from "./aliases.js";
import { TargetFileSchema, type TargetFile } from "./schema.js";

export interface ParsedTargets {
  targets: TargetFile;
  /** Line and column of the value at a path of the file. */
  locate(path: (string | number)[]): { line: number; col: number } | undefined;
}

/** Parses and validates target-file text; throws an InputError listing every problem found. */
export function parseTargetFile(text: string, file: string): TargetFile {
  return parseWithPositions(text, file).targets;
}

export function parseWithPositions(text: string, file: string): ParsedTargets {
  const lineCounter = new LineCounter();
  // Alias expansion is bounded (aliases.ts) so that a hostile file cannot blow up memory (billion laughs).
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

  const aliases = aliasProblem(doc, lineCounter, file);
  if (aliases) throw aliases;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: -1 });
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
    message: nonFinite(doc.getIn(path)) ?? issue.message,
  };
}

/** `1e999` reads as Infinity, which no schema type takes: said as such, not as "Invalid input". */
function nonFinite(value: unknown): string | undefined {
  return typeof value === "number" && !Number.isFinite(value)
    ? `${String(value)} is not a finite number (a value such as 1e999 is beyond the range of a double); write the number meant`
    : undefined;
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
