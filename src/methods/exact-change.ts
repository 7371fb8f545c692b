// Exact change arithmetic for ledger figures: the figures are decimals as written, so a change is worked
// out on them as fractions of BigInts, then rounded once (GB/T 8170-2008) for display. Binary floating point
// would turn a cut of exactly 1.45 % into -1.4500000000000002 and round it the wrong way.

/** A fraction num / den in lowest terms, den > 0. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const abs = (n: bigint) => (n < 0n ? -n : n);

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(num: bigint, den = 1n): Rational {
  if (den === 0n) throw new RangeError("division by zero");
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

const pow10 = (k: number) => 10n ** BigInt(k);

/**
 * A decimal as written: `4,520`, `-1.45`, `31376.0`, `1.8e3`. Thousands separators and spaces are ignored;
 * null when the text is not a plain decimal.
 */
export function parseDecimal(text: string): Rational | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.replace(/[,\s]/g, ""));
  if (!m) return null;
  const [, sign = "", whole = "", fraction = "", exponent = "0"] = m;
  if (whole === "" && fraction === "") return null;
  const digits = BigInt(`${whole}${fraction}` || "0") * (sign === "-" ? -1n : 1n);
  const shift = Number(exponent) - fraction.length;
  return shift >= 0 ? rational(digits * pow10(shift)) : rational(digits, pow10(-shift));
}

/** The decimal a finite number stands for: its shortest form (String(0.1) is 0.1, not 0.1000000000000000055...). */
export function rationalOfNumber(value: number): Rational {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const parsed = parseDecimal(String(value));
  if (!parsed) throw new RangeError(`not a decimal: ${value}`);
  return parsed;
}

/** x · 10^k */
export function timesPow10(x: Rational, k: number): Rational {
  return k >= 0 ? rational(x.num * pow10(k), x.den) : rational(x.num, x.den * pow10(-k));
}

export const add = (a: Rational, b: Rational) => rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Rational, b: Rational) => rational(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Rational, b: Rational) => rational(a.num * b.num, a.den * b.den);
export const div = (a: Rational, b: Rational) => rational(a.num * b.den, a.den * b.num);

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareRational(a: Rational, b: Rational): -1 | 0 | 1 {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

const TWO_53 = 2n ** 53n;

/** The nearest double to x (exact for every fraction whose terms fit a double's 53 bits). */
export function toNumber(x: Rational): number {
  // An IEEE division of two exactly represented integers is correctly rounded.
  if (abs(x.num) <= TWO_53 && x.den <= TWO_53) return Number(x.num) / Number(x.den) + 0;
  // Otherwise through at least 25 significant digits: rounding those to a double is off by far less than an ulp.
  const digits = Math.max(0, 26 - (abs(x.num).toString().length - x.den.toString().length));
  return Number(`${(x.num * pow10(digits)) / x.den}e${-digits}`) + 0;
}

/**
 * Rounds x to `digits` decimals by GB/T 8170-2008 rule 3 (half to even), decided on the exact value: a
 * remainder of exactly one half goes to the even neighbour, anything above or below it to the nearer one.
 */
export function roundRational(x: Rational, digits: number): Rational {
  const scaled = timesPow10(x, digits);
  const n = abs(scaled.num);
  let q = n / scaled.den;
  const twiceRest = 2n * (n - q * scaled.den);
  if (twiceRest > scaled.den || (twiceRest === scaled.den && q % 2n === 1n)) q += 1n;
  return timesPow10(rational(scaled.num < 0n ? -q : q), -digits);
}

/** What a change is measured in: percent of the baseline (totals), or percentage points (ratios). */
export type ChangeKind = "percent" | "points";

/** current − base: percentage points for a ratio; 100 · (current − base) / base for a total (null for base 0). */
export function exactChange(current: Rational, base: Rational, kind: ChangeKind): Rational | null {
  const delta = sub(current, base);
  if (kind === "points") return delta;
  if (base.num === 0n) return null;
  return mul(div(delta, base), rational(100n));
}

/** The figure a change target allows: base · (1 + target / 100) for a total, base + target for a ratio. */
export function targetFigure(base: Rational, target: Rational, kind: ChangeKind): Rational {
  return kind === "points" ? add(base, target) : mul(base, add(rational(1n), div(target, rational(100n))));
}

/**
 * A margin rounded for display: to `digits` decimals, or to the first decimal that shows it is not zero, so a
 * figure short of its target by a hair never shows a margin of 0 (which would read as "on the target").
 */
export function displayMargin(x: Rational, digits: number, maxDigits = 12): number {
  for (let d = digits; d < maxDigits; d++) {
    const rounded = roundRational(x, d);
    if (rounded.num !== 0n || x.num === 0n) return toNumber(rounded);
  }
  return toNumber(roundRational(x, maxDigits));
}
