// Field-by-label lookup (DOM.md §10.2; backend/mpcheck/extract/labelled.py). The label element is
// the smallest one whose OWN text matches `^LABEL(:| |$)(rest)`; the value comes from the first
// non-empty source: rest, dt→dd / th,td→next cell, the tail text, the next element sibling, the
// parent's next element sibling. Candidates are collected in ONE walk (own text computed once per
// element, one prefilter regex); per-field regexes only run on those few candidates.
import { inlineText, ownText, tag, tailText } from "./dom";
import { TABLE, match } from "./label_table";
import { cpLen, fold, isBlank, norm } from "./text";

const MAX_LABEL_CHARS = 160; // a label's own text is short; long paragraphs are prose, not labels
const CELLS = new Set(["td", "th"]);

export interface Hit {
  label: Element;
  text: string;
  valueEl: Element | null;
  source: "rest" | "pair" | "tail" | "next" | "parent-next";
}

export type Zone = string | null;

interface Candidate { el: Element; own: string; zone: Zone }

export interface FindOptions {
  zones?: readonly Zone[];
  accept?: (el: Element) => boolean;
  valid?: (text: string) => boolean;
}

export class LabelIndex {
  private readonly candidates: Candidate[] = [];

  constructor(root: Element, zones: ReadonlyMap<Element, string>, skip: ReadonlySet<Element>) {
    const prefilter = TABLE.prefilter();
    const skipTags = TABLE.skipTags;
    // repeated items (reviews, comments, changelog rows) are never visited: cheap, and labels never
    // come from user-written text
    const stack: Array<[Element, Zone]> = [[root, null]];
    while (stack.length) {
      const [el, outer] = stack.pop() as [Element, Zone];
      if (skipTags.has(tag(el)) || skip.has(el)) continue;
      const zone = zones.get(el) ?? outer;
      const own = ownText(el);
      if (!isBlank(own)) {
        const folded = fold(own);
        if (cpLen(folded) <= MAX_LABEL_CHARS && match(prefilter, folded)) this.candidates.push({ el, own: folded, zone });
      }
      for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push([c, zone]);
    }
  }

  /** The first label hit (document order) in the allowed zones whose value is valid. */
  find(field: string, options: FindOptions = {}): Hit | null {
    const zones = options.zones ?? [null];
    const patterns = TABLE.labelRx(...field.split("/"));
    for (const { el, own, zone } of this.candidates) {
      if (!zones.includes(zone)) continue;
      for (const pattern of patterns) {
        if (match(pattern, own) && (!options.accept || options.accept(el))) {
          const hit = value(el, pattern);
          if (hit && (!options.valid || options.valid(hit.text))) return hit;
          break; // e.g. «Версия ядра: 20.0» is not the solution's version: try the next label
        }
      }
    }
    return null;
  }
}

/** Read the value next to a label element from the first non-empty source (§10.2 order). */
function value(el: Element, pattern: RegExp): Hit | null {
  const full = inlineText(el);
  const m = match(pattern, fold(full));
  // group 1 is `(.*)$`: it always runs to the end, so its start is the length difference
  const rest = m && m[1] !== undefined ? norm(full.slice(full.length - m[1].length)) : "";
  if (rest) return { label: el, text: rest, valueEl: el, source: "rest" };
  const parent = el.parentElement;
  let cell: Element | null = CELLS.has(tag(el)) || tag(el) === "dt" ? el : null;
  if (!cell && parent && (CELLS.has(tag(parent)) || tag(parent) === "dt") && fold(inlineText(parent)) === fold(full)) {
    cell = parent;
  }
  if (cell) {
    const nxt = cell.nextElementSibling;
    const wantDd = tag(cell) === "dt";
    if (nxt && (wantDd ? tag(nxt) === "dd" : CELLS.has(tag(nxt)))) {
      const text = inlineText(nxt);
      return text ? { label: el, text, valueEl: nxt, source: "pair" } : null;
    }
  }
  const tail = norm(tailText(el));
  if (tail) return { label: el, text: tail, valueEl: parent, source: "tail" };
  const nxt = el.nextElementSibling;
  if (nxt) {
    const text = inlineText(nxt);
    if (text) return { label: el, text, valueEl: nxt, source: "next" };
  }
  const pnext = parent?.nextElementSibling;
  if (pnext) {
    const text = inlineText(pnext);
    if (text) return { label: el, text, valueEl: pnext, source: "parent-next" };
  }
  return null;
}
