// The registry of data kinds: a new kind is one module plus one line here. Order matters: the first
// kind whose detect() accepts the header reads the file.
import { airDaily } from "./air-daily.js";
import type { DataKind } from "./kind.js";

export const DATA_KINDS: readonly DataKind[] = [airDaily];

export type { DataKind, ReadContext } from "./kind.js";
