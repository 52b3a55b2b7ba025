// Build step: the label table's regexes rewritten so that flags "u" match exactly what "iu" matched.
// Why: compiling a regex with `i` costs V8 ~40-70% more (every letter and class is closed over case
// at compile time), and a fresh tab compiles every regex it reaches again (SPEC §10: the content
// script's first read). Here the case closure is done once, at build time: every letter outside a
// class becomes the class of the letters `i` would have matched («к» → «[кК]», «s» → «[sSſ]»), every
// class gets the missing case variants («[а-я]» → «[а-яА-Я…]», negated ones too: under `iu`, [^X]
// matches what no member of X case-matches), the rest is copied verbatim. The variants come from
// V8's own `iu` matching, so they are V8's, not a table of ours. Python keeps the original patterns
// with re.IGNORECASE (shared_rules/labels.json is not changed; only the shipped copy is).
//
// Only what the table uses is supported; \w \W \b \B \p \P and back-references throw, because their
// meaning under `i` is not a set of letters (`\w` with `iu` also matches ſ and K).

const SYNTAX = new Set([..."\\^$.*+?()[]{}|/-"]);
const SAFE = /^[\p{L}\p{N}\p{P}\p{S}]$/u;

/** Code points whose case mappings are not themselves: the only ones `i` can make match another. */
let cased = null;
function casedUniverse() {
  if (cased) return cased;
  const set = new Set();
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    if (ch.toLowerCase() !== ch || ch.toUpperCase() !== ch) set.add(cp);
  }
  // the targets of a mapping are in the set too (upper(a) = A ≠ a), so a case pair never splits
  cased = { set, text: [...set].map((cp) => String.fromCodePoint(cp)).join("") };
  return cased;
}

const classes = new Map();
/** Every code point `iu` matches for the literal `cp` (sorted), as V8 decides it. */
function caseClass(cp) {
  const universe = casedUniverse();
  if (!universe.set.has(cp)) return [cp];
  let found = classes.get(cp);
  if (!found) {
    const rx = new RegExp(`[${escapeInClass(cp)}]`, "giu");
    found = [...new Set([cp, ...[...universe.text.matchAll(rx)].map((m) => m[0].codePointAt(0))])].sort((a, b) => a - b);
    classes.set(cp, found);
  }
  return found;
}

function escapeInClass(cp) {
  const ch = String.fromCodePoint(cp);
  if (SYNTAX.has(ch)) return `\\${ch}`;
  if (cp > 0x20 && SAFE.test(ch)) return ch;
  return `\\u{${cp.toString(16)}}`;
}

/** A sorted code point list as class members: runs of 3+ as ranges. */
function members(cps) {
  let out = "";
  for (let i = 0; i < cps.length; ) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j] + 1) j++;
    if (j - i >= 2) out += `${escapeInClass(cps[i])}-${escapeInClass(cps[j])}`;
    else for (let k = i; k <= j; k++) out += escapeInClass(cps[k]);
    i = j + 1;
  }
  return out;
}

function unsupported(source, at, what) {
  return new Error(`caseless: ${what} at ${at} of /${source}/ has no case-free form here`);
}

/** One escape at `source[i] === "\\"`: [text, code point or null for a class escape, next index]. */
function readEscape(source, i) {
  const c = source[i + 1];
  if (c === undefined) throw unsupported(source, i, "a trailing backslash");
  if ("dDsS".includes(c)) return [source.slice(i, i + 2), null, i + 2]; // no case variants in these
  if ("wWbBpPk".includes(c) || (c >= "1" && c <= "9")) throw unsupported(source, i, `\\${c}`);
  const simple = { n: 10, r: 13, t: 9, f: 12, v: 11, 0: 0 };
  if (c in simple) return [source.slice(i, i + 2), simple[c], i + 2];
  if (c === "x") return [source.slice(i, i + 4), parseInt(source.slice(i + 2, i + 4), 16), i + 4];
  if (c === "c") return [source.slice(i, i + 3), source.charCodeAt(i + 2) % 32, i + 3];
  if (c === "u" && source[i + 2] === "{") {
    const end = source.indexOf("}", i);
    return [source.slice(i, end + 1), parseInt(source.slice(i + 3, end), 16), end + 1];
  }
  if (c === "u") {
    const hi = parseInt(source.slice(i + 2, i + 6), 16);
    const lo = source.startsWith("\\u", i + 6) ? parseInt(source.slice(i + 8, i + 12), 16) : NaN;
    if (hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) {
      return [source.slice(i, i + 12), (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000, i + 12];
    }
    return [source.slice(i, i + 6), hi, i + 6];
  }
  const cp = source.codePointAt(i + 1);
  const width = cp > 0xffff ? 2 : 1;
  return [source.slice(i, i + 1 + width), cp, i + 1 + width];
}

/** The class at `source[i] === "["`: [its case-closed text, next index]. */
function readClass(source, i) {
  let j = i + 1;
  const negated = source[j] === "^";
  if (negated) j++;
  const items = []; // [text, code points it stands for]
  while (source[j] !== "]") {
    if (j >= source.length) throw unsupported(source, i, "an unterminated class");
    const [text, cp, next] = readAtom(source, j);
    if (source[next] === "-" && source[next + 1] !== "]" && cp !== null) {
      const [toText, to, after] = readAtom(source, next + 1);
      if (to === null) throw unsupported(source, next, "a range to a class escape");
      const cps = [];
      for (let k = cp; k <= to; k++) cps.push(k);
      items.push([`${text}-${toText}`, cps]);
      j = after;
    } else {
      items.push([text === "-" ? "\\-" : text, cp === null ? [] : [cp]]);
      j = next;
    }
  }
  const end = j + 1;
  const own = new Set(items.flatMap(([, cps]) => cps));
  const universe = casedUniverse().set;
  const extra = new Set();
  for (const cp of own) if (universe.has(cp)) for (const other of caseClass(cp)) if (!own.has(other)) extra.add(other);
  if (!extra.size) return [source.slice(i, end), end];
  const sorted = [...extra].sort((a, b) => a - b);
  return [`[${negated ? "^" : ""}${items.map(([text]) => text).join("")}${members(sorted)}]`, end];
}

/** One class member or literal at `j`: [text, code point or null, next index]. */
function readAtom(source, j) {
  if (source[j] === "\\") return readEscape(source, j);
  const cp = source.codePointAt(j);
  const width = cp > 0xffff ? 2 : 1;
  return [source.slice(j, j + width), cp, j + width];
}

/**
 * `source` rewritten for flags without `i` (same flags otherwise): the same matches, the same groups.
 * `atoms`, when given, receives [original, rewritten] of every literal and class: the only parts
 * that change, so the two patterns match alike exactly when every such pair does (tests check that
 * over every code point).
 */
export function caselessPattern(source, atoms = null) {
  let out = "";
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    if (c === "[") {
      const [text, next] = readClass(source, i);
      atoms?.push([source.slice(i, next), text]);
      out += text;
      i = next;
    } else if (c === "(") {
      const prefix = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(i))[0];
      out += prefix; // a group name is not a literal
      i += prefix.length;
    } else if (c === "{") {
      const end = source.indexOf("}", i);
      if (end < 0) throw unsupported(source, i, "a lone {");
      out += source.slice(i, end + 1);
      i = end + 1;
    } else if ("^$.|)*+?".includes(c)) {
      out += c;
      i++;
    } else {
      const [text, cp, next] = readAtom(source, i);
      const variants = cp === null ? [cp] : caseClass(cp);
      const rewritten = variants.length > 1 ? `[${members(variants)}]` : text;
      atoms?.push([text, rewritten]);
      out += rewritten;
      i = next;
    }
  }
  return out;
}

const PATTERN_KEYS = new Set(["re", "value_re"]);

/**
 * The label table with every pattern case-closed and `flags` without `i`: compiled with its own
 * `flags`, each regex matches what the original did with the original flags.
 */
export function caselessLabels(labels, atoms = null) {
  const flags = labels.flags;
  if (typeof flags !== "string" || !flags.includes("i")) return labels; // a table without flags is read as is
  const walk = (value) => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, PATTERN_KEYS.has(k) && typeof v === "string" ? caselessPattern(v, atoms) : walk(v)]));
  };
  const out = walk(labels);
  if (typeof labels.label_wrapper === "string") {
    out.label_wrapper = labels.label_wrapper.split("{label}").map((part) => caselessPattern(part, atoms)).join("{label}");
  }
  out.flags = flags.replace("i", "");
  return out;
}
