// Numbers in messages, rounded the same way in both engines (half up, never banker's rounding).
// Port of backend/mpcheck/engine/formatting.py. Python ints are arbitrary precision and its float
// formatting is exact, so integers are printed through BigInt and ".1f" is done by hand.
import { isNumber } from "./factsAccess";
import { pyStr } from "./pyRepr";
import type { Lang } from "./types";

/** math.floor(x + 0.5), as Python's round_half_up; Python raises on inf/nan, so does this. */
export function roundHalfUp(value: number): number {
  const result = Math.floor(value + 0.5);
  if (!Number.isFinite(result)) throw new RangeError(`cannot round ${String(value)}`);
  return result;
}

/** str(int(x)) for an integral double: every digit, never "1e+21" (BigInt(-0) is 0, as in Python). */
export function intText(value: number): string {
  return BigInt(value).toString();
}

/** Render a metric value for {value} in a message: percent, money, one decimal, or plain. */
export function formatValue(value: unknown, style: string, lang: Lang): string {
  if (!isNumber(value)) return value === null || value === undefined ? "" : pyStr(value);
  if (style === "percent") return `${intText(roundHalfUp(value * 100))} %`;
  if (style === "money") return groupThousands(roundHalfUp(value));
  const rounded = roundHalfUp(value * 10) / 10;
  if (Number.isInteger(rounded)) return intText(rounded);
  const text = fixed1(rounded);
  return lang === "ru" ? text.replaceAll(".", ",") : text;
}

/** 12990 -> "12 990", the way Marketplace prices are written. */
export function groupThousands(amount: number): string {
  let digits = intText(Math.abs(amount));
  const groups: string[] = [];
  while (digits.length > 0) {
    groups.unshift(digits.slice(-3));
    digits = digits.slice(0, -3);
  }
  return (amount < 0 ? "-" : "") + groups.join(" ");
}

/** Substitute {value}; split/join, because String.replace would expand "$&" etc. in the value. */
export function fill(template: string, value: string): string {
  return template.split("{value}").join(value);
}

/**
 * Python's f"{x:.1f}": the double's EXACT value rounded half-to-even at one decimal. toFixed(1)
 * rounds exact ties up (x.25 at >= 2^50 differs) and switches to exponent notation at 1e21.
 */
export function fixed1(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  // x = mantissa * 2^exponent exactly (subnormals have no implicit leading 1).
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = biased === 0 ? -1074 : biased - 1075;
  const numerator = exponent >= 0 ? (mantissa * 10n) << BigInt(exponent) : mantissa * 10n;
  const denominator = exponent >= 0 ? 1n : 1n << BigInt(-exponent);
  let tenths = numerator / denominator;
  const twiceRest = (numerator % denominator) * 2n;
  if (twiceRest > denominator || (twiceRest === denominator && tenths % 2n === 1n)) tenths += 1n;
  const digits = tenths.toString().padStart(2, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -1)}.${digits.slice(-1)}`;
}
