// Target-file text -> a validated TargetFile: YAML -> Zod, with every problem mapped back to its line and
// column. Kept apart from load.ts so that a run served by a compiled target file never loads the YAML parser.
import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { InputError, keyedProblem, zodMessage, type InputProblem } from "../errors.js";
import { aliasProblem } from "./aliases.js";
import { targetFileJsonSchema, TargetFileSchema, type TargetFile } from "./schema.js";

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
    // The YAML parser's own words (English) as the detail; the frame around them is said in the chosen language.
    return keyedProblem({ file, line: pos.line, col: pos.col, code: "HY-YAML" }, "targets.yaml", {
      detail: e.message.split("\n")[0] ?? e.message,
    });
  });
  if (syntaxProblems.length > 0) throw new InputError(syntaxProblems);

  const aliases = aliasProblem(doc, lineCounter, file);
  if (aliases) throw aliases;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: -1 });
  } catch (e) {
    throw new InputError([
      keyedProblem({ file, code: "HY-YAML" }, "targets.yaml", { detail: e instanceof Error ? e.message : String(e) }),
    ]);
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
  const where = {
    file,
    ...(pos ? { line: pos.line, col: pos.col } : {}),
    field: formatPath(path) || "(top level)",
    code: "HY-TARGETS",
  };
  if (issue.code === "unrecognized_keys") return unknownKeyProblem(where, path, issue.keys);
  // 1e999 parses to Infinity: say so, rather than zod's bare "Invalid input".
  const value = doc.getIn(path);
  if (typeof value === "number" && !Number.isFinite(value))
    return keyedProblem(where, "targets.notFinite", { value: String(value) });
  return keyedProblem(where, "targets.issue", { en: zodMessage(issue, "en"), zh: zodMessage(issue, "zh") });
}

/** An unknown key, with the schema's key at that place it most likely meant (a typo of one or two letters). */
function unknownKeyProblem(
  where: Omit<InputProblem, "message" | "key" | "params">,
  path: readonly (string | number)[],
  keys: readonly string[],
): InputProblem {
  const key = keys.join(", ");
  const known = schemaKeysAt(targetFileJsonSchema(), path);
  const suggestion = keys.length === 1 ? closest(keys[0]!, known) : undefined;
  if (suggestion === undefined) return keyedProblem(where, "targets.unknownKey", { key });
  return keyedProblem(where, "targets.unknownKeyDidYouMean", { key, suggestion });
}

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema } & Record<string, unknown>;

/** The alternatives a JSON Schema node stands for (anyOf / oneOf / allOf unfolded). */
function alternatives(node: JsonSchema): JsonSchema[] {
  const nested = ["anyOf", "oneOf", "allOf"].flatMap((k) => {
    const list = node[k];
    return Array.isArray(list) ? (list as JsonSchema[]) : [];
  });
  return [node, ...nested.flatMap(alternatives)];
}

/** The property names the schema allows in the object at `path` (every alternative's). */
export function schemaKeysAt(schema: unknown, path: readonly (string | number)[]): string[] {
  let nodes = [schema as JsonSchema];
  for (const step of path) {
    nodes = nodes
      .flatMap(alternatives)
      .map((n) => (typeof step === "number" ? n.items : n.properties?.[step]))
      .filter((n): n is JsonSchema => n !== undefined);
  }
  return [...new Set(nodes.flatMap(alternatives).flatMap((n) => Object.keys(n.properties ?? {})))];
}

/** Edits from one word to the other: insert, delete, replace, or swap two neighbours (`yaer` -> `year`: 1). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      const above = d[i - 1]!;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

/** The known word nearest to `word`, when it is near enough to be a typo (at most a third of it changed). */
export function closest(word: string, known: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: { word: string; distance: number } | undefined;
  for (const k of known) {
    const distance = editDistance(word.toLowerCase(), k.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { word: k, distance };
  }
  return best?.word;
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
