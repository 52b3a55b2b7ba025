// Text normalisation (DOM.md §10.1), identical to backend/mpcheck/extract/text.py: every kind of
// whitespace Python's str.split() splits on (NBSP, U+202F, U+2009 …) plus U+200B becomes one space,
// runs collapse, ends are trimmed. `fold` adds ё→е and is used ONLY for matching, never for values.

// Python's str.split() whitespace, plus the zero-width space the table lists in `normalise.spaces`.
// No `u` flag: every member is a BMP code unit and no surrogate is in the class, so code-unit and
// code-point matching give the same result (checked over all 65536 code units, lone surrogates and
// astral pairs), and V8's non-unicode replace is about twice as fast — norm() runs on every text.
// eslint-disable-next-line no-control-regex -- U+001C–U+001F are whitespace to Python's str.split(): norm() must agree
const SPACES = /[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]+/g;
// eslint-disable-next-line no-control-regex -- the same class as SPACES
const ONLY_SPACE = /^[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]*$/;

export function norm(text: string | null | undefined): string {
  if (!text) return "";
  return text.replace(SPACES, " ").trim();
}

export function fold(text: string | null | undefined): string {
  const t = norm(text);
  return t.includes("ё") || t.includes("Ё") ? t.replace(/ё/g, "е").replace(/Ё/g, "Е") : t;
}

/** Python's `str.isspace()` for the empty-or-blank checks ("" counts as blank here). */
export function isBlank(text: string | null | undefined): boolean {
  return !text || ONLY_SPACE.test(text);
}

const HIGH_SURROGATE = /[\ud800-\udbff]/;

/** Length in Unicode code points (Python `len`), which `changelog.chars` and the size limits use. */
export function cpLen(text: string): number {
  // no high surrogate, no pair: one code point per code unit (one native scan instead of a JS loop
  // over every character; size limits test whole review texts)
  if (!HIGH_SURROGATE.test(text)) return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) n++;
    else {
      const d = text.charCodeAt(i + 1);
      n++;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

// the BMP's private-use area: icon-font glyphs (SAP-icons, Fluent UI's MDL2 assets, Font Awesome), no words
const PRIVATE_USE_FIRST = "\ue000";
const PRIVATE_USE_LAST = "\uf8ff";

/**
 * The text without icon-font glyphs (private-use characters: «&#xE735;», the star a Fluent UI rating draws ten
 * times): they are pictures, no words of a label's value or a price (Python `without_icons`).
 */
export function withoutIcons(text: string): string {
  let icons = false;
  for (let i = 0; i < text.length && !icons; i++) {
    const ch = text.charAt(i);
    icons = ch >= PRIVATE_USE_FIRST && ch <= PRIVATE_USE_LAST;
  }
  if (!icons) return text;
  let out = "";
  for (const ch of text) if (ch < PRIVATE_USE_FIRST || ch > PRIVATE_USE_LAST) out += ch;
  return out;
}

/** Python `str.strip(chars)`. */
export function stripChars(text: string, chars: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && chars.includes(text.charAt(a))) a++;
  while (b > a && chars.includes(text.charAt(b - 1))) b--;
  return text.slice(a, b);
}

/** Python `str.lstrip(chars)`. */
export function lstripChars(text: string, chars: string): string {
  let a = 0;
  while (a < text.length && chars.includes(text.charAt(a))) a++;
  return text.slice(a);
}
