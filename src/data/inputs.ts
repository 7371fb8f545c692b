// Input arguments: files, folders (every .csv, .xlsx and .xls in them) and simple globs (`data/china_sites_2019*.csv`).
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { inputError, keyedProblem } from "../errors.js";
import { fsReason } from "./csv.js";
import { DATA_FILE_PATTERN } from "./workbook-cells.js";

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`);
}

async function csvFilesIn(dir: string, pattern: RegExp, arg: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    throw inputError(
      keyedProblem({ file: arg, code: "HY-READ" }, "input.cannotList", { reason: fsReason(e) }),
    );
  }
  const files = names
    // `~$air.xlsx` is the lock file Excel keeps beside a workbook it has open, not a workbook.
    .filter((n) => pattern.test(n) && !n.startsWith("~$"))
    .sort()
    .map((n) => join(dir, n));
  if (files.length === 0) throw inputError(keyedProblem({ file: arg, code: "HY-READ" }, "input.noMatch"));
  return files;
}

export interface InputFile {
  file: string;
  /** False for a file found in a folder or by a glob: one that is not data (a station list) is skipped, not fatal. */
  named: boolean;
}

/** Expands folders and globs, in name order (site files named by date then read in time order). */
export async function expandInputs(args: readonly string[]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  const found = (list: string[]) => files.push(...list.map((file) => ({ file, named: false })));
  for (const arg of args) {
    if (/[*?]/.test(basename(arg))) {
      found(await csvFilesIn(dirname(arg), globToRegExp(basename(arg)), arg));
      continue;
    }
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory()) found(await csvFilesIn(arg, DATA_FILE_PATTERN, arg));
    else files.push({ file: arg, named: true });
  }
  return files;
}
