// YAML anchors and aliases bounded by what they expand to, not by how many there are: a target file may
// share `&scope`/`&src` blocks among hundreds of targets, while a billion-laughs file, whose aliases
// multiply, is refused before anything is expanded.
import { isAlias, isMap, isPair, isSeq, type Document, type LineCounter, type Node } from "yaml";
import { inputError, keyedProblem, type InputError } from "../errors.js";

/** Values a target file may hold once its aliases are expanded: far above any real plan, far below a bomb. */
export const MAX_EXPANDED_VALUES = 500_000;

/**
 * The InputError for a file whose aliases expand past MAX_EXPANDED_VALUES (at the alias that expands the
 * most) or refer to a node that contains them; undefined for any other file. Sizes are counted once per
 * node, so the count costs the size of the file, whatever the expansion.
 */
export function aliasProblem(doc: Document, lineCounter: LineCounter, file: string): InputError | undefined {
  const sizes = new Map<unknown, number>();
  const open = new Set<unknown>();
  let largest: { size: number; offset: number } | undefined;
  let cycle: number | undefined;
  const sizeOf = (node: unknown): number => {
    if (isPair(node)) return sizeOf(node.key) + sizeOf(node.value);
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (open.has(node)) {
      cycle ??= (node as Node).range?.[0] ?? 0;
      return 1;
    }
    open.add(node);
    let size = 1;
    if (isAlias(node)) {
      size = sizeOf(node.resolve(doc));
      if (!largest || size > largest.size) largest = { size, offset: node.range?.[0] ?? 0 };
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) size = Math.min(size + sizeOf(item), Number.MAX_SAFE_INTEGER);
    }
    open.delete(node);
    sizes.set(node, size);
    return size;
  };
  const total = sizeOf(doc.contents);
  const at = (offset: number) => lineCounter.linePos(offset);
  if (cycle !== undefined)
    return inputError(keyedProblem({ file, ...at(cycle), code: "HY-YAML" }, "targets.aliasCycle"));
  if (total <= MAX_EXPANDED_VALUES) return undefined;
  const where = { file, ...(largest ? at(largest.offset) : {}), code: "HY-YAML" };
  return inputError(
    total > 1e12
      ? keyedProblem(where, "targets.aliasBombHuge", { max: MAX_EXPANDED_VALUES })
      : keyedProblem(where, "targets.aliasBomb", { total, max: MAX_EXPANDED_VALUES }),
  );
}
