// Python's str() of a non-number JSON value, for the rare {value} that is not a number: a bool
// prints "True"/"False", a list or dict prints its repr. Only reachable with off-schema facts or a
// rule that shows a bool, but then both engines still write the same text.
// Known limits (JSON.parse loses them): 1.0 prints as 1, and integer-like dict keys come first.

/** str(value) for a JSON value. */
export function pyStr(value: unknown): string {
  return typeof value === "string" ? value : pyRepr(value);
}

/** repr(value) for a JSON value. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return floatRepr(value);
  if (typeof value === "string") return stringRepr(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${stringRepr(k)}: ${pyRepr(v)}`).join(", ")}}`;
  }
  return String(value);
}

function floatRepr(value: number): string {
  if (Number.isInteger(value)) return BigInt(value).toString(); // a JSON integer is a Python int
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  // Same shortest digits in both languages; Python switches to exponent form below 1e-4
  // (a non-integral double is always below 2^53, so the 1e16 switch never applies).
  const [mantissa = "", exponent = "0"] = Math.abs(value).toExponential().split("e");
  const power = Number(exponent);
  if (power >= -4) return String(value);
  const sign = value < 0 ? "-" : "";
  return `${sign}${mantissa}e-${String(-power).padStart(2, "0")}`;
}

// str.isprintable() is false for these categories (except the plain space); repr escapes them.
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const NAMED: Readonly<Record<string, string>> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

function stringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const named = Object.hasOwn(NAMED, char) ? NAMED[char] : undefined;
    if (named !== undefined) out += named;
    else if (char === quote) out += `\\${quote}`;
    else if (char !== " " && NON_PRINTABLE.test(char)) out += escapeCode(code);
    else out += char;
  }
  return out + quote;
}

function escapeCode(code: number): string {
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, "0")}`;
  return `\\U${code.toString(16).padStart(8, "0")}`;
}
