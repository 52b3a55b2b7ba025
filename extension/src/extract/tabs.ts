// Tab bodies and tab-bar labels of a solution page (DOM.md §4; backend/mpcheck/extract/tabs.py).
// Hidden bodies are in the DOM whichever tab is shown (read with textContent, never innerText).
// A body is found by its confirmed id (#tab-<name>-body), else through the tab control's
// aria-controls / data-target, else by a heading / .tab-title whose text is the tab's title (its
// parent is the body; when several titles share one parent, the title and its siblings up to the
// next title are wrapped in a new div — in the prepared copy, never in the page).
import { ancestors, css, inlineText, iterElements, tag } from "./dom";
import { TABLE, match, type Entry } from "./label_table";
import { fold } from "./text";

const BAR_TAGS = new Set(["a", "button", "li", "label"]);

export interface Tabs {
  bodies: Map<string, Element>;
  labels: Map<string, string>;
  how: Map<string, string>;
}

interface TabSpec { ids: string[]; anchor: string; titles: Entry[] }

function specs(): Array<[string, TabSpec]> {
  return Object.entries(TABLE.get("tabs") as Record<string, TabSpec>);
}

function titleMatch(name: string, text: string): boolean {
  const folded = fold(text);
  return TABLE.sticky("tabs", name, "titles").some((p) => match(p, folded) !== null);
}

function inTabBar(el: Element): boolean {
  for (const a of ancestors(el)) {
    const role = a.getAttribute("role");
    if (BAR_TAGS.has(tag(a)) || tag(a) === "nav" || role === "tablist" || role === "tab") return true;
    if ((a.getAttribute("id") ?? "").startsWith("tab-list")) return true;
  }
  return false;
}

function titleCandidates(root: Element): Element[] {
  const found = iterElements(root).filter((el) => TABLE.headingTags.has(tag(el)) || el.getAttribute("role") === "heading");
  for (const sel of TABLE.entries("tab_title_selectors")) found.push(...css(root, String(sel.css)));
  return found.filter((el) => !inTabBar(el));
}

/** Wrap a title and its following siblings (up to the next tab title) into a new div. */
function wrapSection(title: Element, stop: ReadonlySet<Element>): Element {
  const parent = title.parentElement as Element;
  const wrapper = title.ownerDocument.createElement("div");
  wrapper.setAttribute("data-mpcheck-section", "1");
  parent.insertBefore(wrapper, title);
  // every following node moves (text and comments too, as lxml moves tails) until a stop element
  let node: ChildNode | null = title;
  while (node && (node === title || !stop.has(node as Element))) {
    const nxt: ChildNode | null = node.nextSibling;
    wrapper.appendChild(node);
    node = nxt;
  }
  return wrapper;
}

function byTitle(root: Element, missing: readonly string[]): Map<string, Element> {
  const titles = new Map<Element, string>();
  for (const el of titleCandidates(root)) {
    const text = inlineText(el);
    for (const [name] of specs()) if (!titles.has(el) && titleMatch(name, text)) titles.set(el, name);
  }
  const plan: Array<[string, Element, Set<Element> | null]> = []; // decided before any wrapping moves nodes
  for (const [el, name] of titles) {
    const parent = el.parentElement;
    if (!missing.includes(name) || plan.some((p) => p[0] === name) || !parent) continue;
    const siblings = new Set([...titles.keys()].filter((t) => t !== el && t.parentElement === parent));
    if (siblings.size || ["body", "html", "main"].includes(tag(parent)) || css(parent, "h1").length) {
      // the parent is more than this tab: cut the section at the next title / same-level heading
      for (const s of Array.from(parent.children)) if (s !== el && tag(s) === tag(el)) siblings.add(s);
      plan.push([name, el, siblings]);
    } else {
      plan.push([name, parent, null]);
    }
  }
  return new Map(plan.map(([name, el, stop]) => [name, stop ? wrapSection(el, stop) : el]));
}

/** One pass: the id map and the clickable items of tab bars (role=tab, nav, #tab-list…). */
function barItems(root: Element): [Map<string, Element>, Element[]] {
  const ids = new Map<string, Element>();
  const bars: Element[] = [];
  for (const el of css(root, "[id], [role], nav")) {
    const id = el.getAttribute("id");
    if (id && !ids.has(id)) ids.set(id, el);
    const role = el.getAttribute("role");
    if (role === "tablist" || role === "tab" || tag(el) === "nav" || (id ?? "").startsWith("tab-list")) bars.push(el);
  }
  const items = bars.flatMap((bar) => css(bar, "a, button, li"));
  items.push(...bars.filter((b) => b.getAttribute("role") === "tab"));
  return [ids, items];
}

/** The tab-bar element of a tab whose text is the tab title: by id, then by anchor href, then any bar item. */
function control(ids: Map<string, Element>, items: Element[], name: string, spec: TabSpec): Element | null {
  const anchor = "#" + spec.anchor;
  // the options in Python's order, tried lazily: a <nav> menu can hold a thousand links
  for (const el of [ids.get(spec.anchor), ids.get(`tab-${name}`)]) if (el && titleMatch(name, inlineText(el))) return el;
  for (const el of items) if ((el.getAttribute("href") ?? "").endsWith(anchor) && titleMatch(name, inlineText(el))) return el;
  for (const el of items) if (titleMatch(name, inlineText(el))) return el;
  return null;
}

/** Locate every known tab body and tab label on the page (may wrap sections in the prepared copy). */
export function findTabs(root: Element): Tabs {
  const tabs: Tabs = { bodies: new Map(), labels: new Map(), how: new Map() };
  const [ids, items] = barItems(root);
  for (const [name, spec] of specs()) {
    const ctl = control(ids, items, name, spec);
    if (ctl) tabs.labels.set(name, inlineText(ctl));
    const id = spec.ids.find((i) => ids.has(i));
    if (id) {
      tabs.bodies.set(name, ids.get(id) as Element);
      tabs.how.set(name, "id");
      continue;
    }
    const target = (ctl ? ctl.getAttribute("aria-controls") || ctl.getAttribute("data-target") || "" : "").replace(/^#+/, "");
    const body = target ? ids.get(target) : undefined;
    if (body) {
      tabs.bodies.set(name, body);
      tabs.how.set(name, "control");
    }
  }
  const missing = specs().map(([n]) => n).filter((n) => !tabs.bodies.has(n));
  if (missing.length) {
    for (const [name, body] of byTitle(root, missing)) {
      tabs.bodies.set(name, body);
      tabs.how.set(name, "title");
    }
  }
  return tabs;
}
