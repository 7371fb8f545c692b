// GB/T 8170-2008 rounding (数值修约): round half to even, decided on the number's shortest decimal
// form, so that 0.0035 (stored as 0.00349999...) still rounds as the decimal a person wrote.

/** Splits a finite number into its shortest decimal digits and a power-of-ten exponent: value = 0.d1d2... x 10^exp. */
function decimalDigits(value: number): { digits: number[]; pointAt: number } {
  // toExponential() without an argument prints as many digits as needed to identify the number uniquely,
  // i.e. the same shortest form as String(n).
  const text = Math.abs(value).toExponential().replace("+", "");
  const [mantissa = "0", exponent = "0"] = text.split("e");
  const digits = mantissa.replace(".", "").split("").map(Number);
  return { digits, pointAt: Number(exponent) + 1 };
}

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** Rounds to `digits` decimals (may be negative for tens, hundreds) by GB/T 8170-2008 rule 3: half to even. */
export function roundGbt8170(value: number, digits = 0): number {
  if (!Number.isFinite(value)) return value;
  if (!Number.isInteger(digits)) throw new RangeError(`digits must be an integer, got ${digits}`);
  if (value === 0) return 0;
  // Far from a tie at the rounding digit (by more than the error of value x 10^digits), the decimal rule
  // gives the nearest: no need for the value's decimal string, which costs a toExponential() per call.
  if (digits >= 0 && digits <= 15) {
    const scale = POW10[digits]!;
    const x = Math.abs(value) * scale;
    if (x < 2 ** 50) {
      const floor = Math.floor(x);
      const f = x - floor;
      if (Math.abs(f - 0.5) > x * 2 ** -46 + 1e-9) {
        const result = ((f < 0.5 ? floor : floor + 1) / scale) * (value < 0 ? -1 : 1);
        return Object.is(result, -0) ? 0 : result;
      }
    }
  }
  const { digits: ds, pointAt } = decimalDigits(value);
  const keep = pointAt + digits; // how many leading digits survive
  if (keep >= ds.length) return value;
  const sign = value < 0 ? -1 : 1;
  if (keep < 0) return 0;
  const kept = ds.slice(0, keep);
  const first = ds[keep] ?? 0;
  const rest = ds.slice(keep + 1);
  const restNonZero = rest.some((d) => d !== 0);
  const lastKept = kept.length > 0 ? (kept[kept.length - 1] ?? 0) : 0;
  const roundUp = first > 5 || (first === 5 && (restNonZero || lastKept % 2 === 1));
  let magnitude = kept.length > 0 ? Number(kept.join("")) : 0;
  if (roundUp) magnitude += 1;
  // Rebuild through a decimal string so the result is the nearest double to the rounded decimal.
  const scaled = `${magnitude}e${pointAt - keep}`;
  const result = Number(scaled) * sign;
  return Object.is(result, -0) ? 0 : result;
}
