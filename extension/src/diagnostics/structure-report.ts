// A STRUCTURE-ONLY report of a page for a bug report (pure; the popup's copy button asks the
// content script for it). It holds tags, ids, classes, attribute NAMES, nesting (depth-limited,
// size-capped, identical sibling runs folded) and the label table's own words where they occur
// (label-words.ts). No other page text, no attribute values but ids and classes, no URL query or
// fragment: the buyer can paste it anywhere without giving away a review, a name or an address.
// Page text is read with textContent only; nothing here writes to the page.
import { labelWord, normaliseText, type LabelPattern } from "./label-words";

export const REPORT_FORMAT = "mpcheck.structure/1";

export interface ReportLimits {
  maxDepth: number;
  maxLines: number;
  maxChars: number;
}

export const DEFAULT_LIMITS: ReportLimits = { maxDepth: 24, maxLines: 1500, maxChars: 120_000 };

export interface ReportInput {
  url: string;
  labels: readonly LabelPattern[];
  /** What the extractor said, names only: found_by (field -> strategy), missing_confirmed, markup_changed. */
  reading?: { foundBy: Record<string, string>; missingConfirmed: string[]; markupChanged: boolean } | null;
  limits?: Partial<ReportLimits>;
}

// Containers whose content is not page structure (or not ours to list).
const OPAQUE = new Set(["script", "style", "noscript", "template", "svg", "math", "iframe", "object"]);
const SKIP = new Set(["mpcheck-badge"]); // our own badge
const MAX_OWN_TEXT = 120; // longer own text is content (a description, a review), never a label
const NAME = /^[a-z_:][a-z0-9_.:-]{0,39}$/i;
// Class/id characters kept (utility-CSS tokens such as "md:flex" or "w-1/2" included); no "@", "=",
// "?", "&", spaces, quotes or non-ASCII letters, so no address, query or name can pass as a class.
const TOKEN = /^[a-z0-9_#:/.%[\]()!,-]{1,60}$/i;

// Class/id tokens that carry a person's account name after a fixed prefix: WordPress writes every
// comment as `comment-author-<nicename>` (`comment-author-ivan-sklad`) and themes write `author-<slug>` /
// `user-<login>`; Tumblr writes every note as `tumblelog_<blog name>` (`li.note.reply.tumblelog_olga-bitrix`).
// The prefix is structure; what follows it is the person, so it is shown as "?".
const PERSON_PREFIX = /^((?:comment-)?author|user(?:name)?|member|profile|customer|login|tumblelog)([-_])(.+)$/i;

/** An id or class token as shown: long digit runs masked (generated ids), a person's name after a
 * PERSON_PREFIX as "?", odd tokens as "?". */
function token(raw: string): string {
  const person = PERSON_PREFIX.exec(raw);
  if (person) return TOKEN.test(person[1] as string) ? `${person[1]}${person[2]}?` : "?";
  const masked = raw.replace(/[0-9]{3,}/g, "#");
  return TOKEN.test(masked) ? masked : "?";
}

function ownText(el: Element): string {
  let text = "";
  for (const node of Array.from(el.childNodes)) if (node.nodeType === 3) text += node.textContent ?? "";
  return normaliseText(text);
}

const LABEL_ATTRS = ["aria-label", "title", "data-label", "data-title", "alt", "placeholder"];

function describe(el: Element, labels: readonly LabelPattern[]): string {
  const tag = el.localName.replace(/[^a-z0-9-]/gi, "?").slice(0, 40);
  const id = el.id ? `#${token(el.id)}` : "";
  const classes = Array.from(el.classList).slice(0, 12).map((c) => `.${token(c)}`).join("");
  const attrs = Array.from(el.attributes)
    .map((a) => a.name)
    .filter((n) => n !== "id" && n !== "class")
    .map((n) => (NAME.test(n) ? n.toLowerCase() : "?"));
  let line = tag + id + classes;
  if (attrs.length) line += ` [${attrs.slice(0, 16).join(" ")}${attrs.length > 16 ? " …" : ""}]`;
  const words: string[] = [];
  for (const name of LABEL_ATTRS) {
    const value = el.getAttribute(name);
    const hit = value ? labelWord(normaliseText(value).slice(0, MAX_OWN_TEXT), labels) : null;
    if (hit) words.push(`${name}=«${hit.word}»→${hit.key}`);
  }
  const text = ownText(el);
  const hit = text && text.length <= MAX_OWN_TEXT ? labelWord(text, labels) : null;
  if (hit) words.push(`«${hit.word}»→${hit.key}${text.length > hit.word.length ? " …" : ""}`);
  else if (text) words.push("…"); // some other text: its presence only
  return words.length ? `${line} ${words.join(" ")}` : line;
}

interface Walk {
  labels: readonly LabelPattern[];
  limits: ReportLimits;
}

function countElements(el: Element): number {
  return el.getElementsByTagName("*").length;
}

/** Lines of `el`'s subtree, indented relative to it; identical consecutive siblings folded. */
function render(el: Element, depth: number, walk: Walk): string[] {
  const head = describe(el, walk.labels);
  if (OPAQUE.has(el.localName)) {
    const inner = countElements(el);
    return [inner ? `${head} (${inner} inside, not listed)` : head];
  }
  const children = Array.from(el.children).filter((c) => !SKIP.has(c.localName));
  if (!children.length) return [head];
  if (depth >= walk.limits.maxDepth) return [`${head} (${countElements(el)} deeper, depth limit ${walk.limits.maxDepth})`];
  const subs = children.map((child) => render(child, depth + 1, walk));
  const lines = [head];
  for (let i = 0; i < subs.length; ) {
    const sub = [...(subs[i] as string[])];
    const signature = sub.join("\n");
    let run = 1;
    while (i + run < subs.length && (subs[i + run] as string[]).join("\n") === signature) run++;
    if (run > 1) sub[0] = `${sub[0]} ×${run}`;
    lines.push(...sub.map((line) => `  ${line}`));
    i += run;
  }
  return lines;
}

/** The page address without query and fragment (they can carry search words or session data). */
export function reportUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`.slice(0, 300);
  } catch {
    return "?";
  }
}

function readingLines(reading: ReportInput["reading"]): string[] {
  if (!reading) return ["reading: not available"];
  const name = (s: string) => (NAME.test(s) ? s : "?");
  const found = Object.entries(reading.foundBy).map(([field, by]) => `${name(field)}=${name(by)}`);
  return [
    `found_by: ${found.join(", ") || "—"}`,
    `missing_confirmed: ${reading.missingConfirmed.map(name).join(", ") || "—"}`,
    `markup_changed: ${reading.markupChanged ? "yes" : "no"}`,
  ];
}

export function structureReport(doc: Document, input: ReportInput): string {
  const limits = { ...DEFAULT_LIMITS, ...input.limits };
  const root = doc.documentElement;
  const tree = root ? render(root, 0, { labels: input.labels, limits }) : [];
  const elements = root ? countElements(root) + 1 : 0;
  const header = [
    REPORT_FORMAT,
    `page: ${reportUrl(input.url)}`,
    ...readingLines(input.reading),
    `elements: ${elements}; depth limit ${limits.maxDepth}; «…» = other text (not included); ×N = N identical siblings`,
    "---",
  ];
  const out: string[] = [...header];
  let chars = header.join("\n").length;
  for (const [i, line] of tree.entries()) {
    if (out.length - header.length >= limits.maxLines || chars + line.length + 1 > limits.maxChars) {
      out.push(`… ${tree.length - i} more lines not shown (size limit)`);
      break;
    }
    out.push(line);
    chars += line.length + 1;
  }
  return out.join("\n");
}
