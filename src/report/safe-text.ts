// Text from inputs (station names, cells, target-file texts, file names) as it may reach a terminal or a CI
// log: control characters shown escaped, so that data never clears a screen, retitles a window, hides a
// hyperlink or rewrites a line, and values cut to a length a person reads. JSON keeps the data as it is.

/** Longest value echoed to people, in characters; a longer one is cut and its length said. */
export const MAX_ECHOED = 500;

/**
 * C0 controls (ESC, BEL, CR, LF, TAB ...), DEL, C1 controls (U+0080-U+009F, CSI and OSC among them), the
 * line and paragraph separators and the bidirectional overrides that reorder what a terminal shows.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const NAMED: Readonly<Record<string, string>> = { "\t": "\\t", "\n": "\\n", "\r": "\\r" };

function escaped(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`);
}

/** Characters (code points) in a text, without spreading it: a 50 MB value is counted, not copied. */
function codePoints(text: string): number {
  return text.length - (text.match(/[\ud800-\udbff][\udc00-\udfff]/g)?.length ?? 0);
}

/**
 * A value as people are shown it: control characters escaped (`\x1b`, `\x07`, `\r`, `\x9b`, `\u202e`) and,
 * past `max` characters, cut with the length said. Pure; text without either is returned as it is.
 */
export function safeText(
  text: string,
  max = MAX_ECHOED,
  keep?: (c: string, next: string | undefined) => boolean,
): string {
  if (text.length <= max && !HAS_CONTROL.test(text)) return text;
  let shown = text;
  let cut = "";
  const total = text.length > max ? codePoints(text) : text.length;
  if (total > max) {
    // 2 * max code units hold at least max characters, whole.
    shown = [...text.slice(0, 2 * max)].slice(0, max).join("");
    cut = `… (${total} characters)`;
  }
  const shownSafe = shown.replace(CONTROL, (c: string, at: number) =>
    keep?.(c, shown[at + 1]) ? c : escaped(c),
  );
  return `${shownSafe}${cut}`;
}

/** Each line of a text for people made safe on its own (the text's own line breaks kept). */
export function safeLines(text: string, max = 4 * MAX_ECHOED): string {
  return text
    .split("\n")
    .map((line) => safeText(line, max))
    .join("\n");
}

/** Line breaks (LF, CRLF) and tabs, which every layout of the view handles itself (a table cell, a CSV field). */
const layout = (c: string, next: string | undefined) =>
  c === "\n" || c === "\t" || (c === "\r" && next === "\n");

/**
 * Every string of a plain data structure (a view built for people) made safe, line breaks and tabs kept for
 * the layouts; arrays and plain objects are copied, anything else (numbers, Sets, null) kept as it is.
 */
export function forPeople<T>(value: T): T {
  return safeValue(value) as T;
}

function safeValue(value: unknown): unknown {
  if (typeof value === "string") return safeText(value, MAX_ECHOED, layout);
  if (Array.isArray(value)) return value.map(safeValue);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, safeValue(v)]));
  return value;
}
