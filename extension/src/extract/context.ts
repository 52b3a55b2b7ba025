// Everything the solution-page extractors share for one document: the prepared tree, its scope,
// tabs, zones (tab body → tab name), the listed items and the label index
// (backend/mpcheck/extract/context.py). The scope is applied first (scope.ts): chrome and blocks about
// other solutions leave the prepared copy, so every field module reads only the solution's own content.
import { absoluteUrl, ancestors, css, inlineText, removeWithTail, textWithout } from "./dom";
import { splitListing, type Listing } from "./items";
import { LabelIndex, type Zone } from "./labelled";
import { applyScope, type Scope } from "./scope";
import { findTabs, type Tabs } from "./tabs";
import { fold } from "./text";

const LISTED_TABS = ["rating", "comments", "log"]; // tabs made of repeated dated items

/** One failing step (a page the scope or a tie trips over) never blanks the other fields. */
function isolated<T>(what: string, run: () => T, fallback: T): T {
  try {
    return run();
  } catch (err) {
    console.debug(`mpcheck: page context: ${what} failed; reading the page without it`, err);
    return fallback;
  }
}

export class Page {
  readonly found_by: Record<string, string> = {};
  readonly zones: Map<Element, string>;
  readonly listings = new Map<string, Listing>();
  readonly index: LabelIndex;
  readonly scope: Scope;
  readonly tabs: Tabs;
  private head: string | null = null;
  private vendorTextList: string[] | null = null;
  private readonly folded = new Map<Element, string>();
  private readonly zoneCache = new Map<Element, Zone>();
  private baseUrl: string | null | undefined;

  constructor(
    readonly root: Element,
    readonly url: string | null,
    readonly jsonld: readonly string[],
    tabs?: Tabs,
  ) {
    // each step is isolated: one that fails never blanks the other fields (context.py::build_page)
    this.scope = isolated("scope", () => applyScope(root, url), { code: null, code_from: null, removed: [] });
    this.tabs = tabs ?? isolated("tabs", () => findTabs(root), { bodies: new Map(), labels: new Map(), how: new Map() });
    this.zones = new Map([...this.tabs.bodies].map(([name, body]) => [body, name]));
    for (const name of LISTED_TABS) {
      const body = this.tabs.bodies.get(name);
      const listing = body ? isolated(`${name} items`, () => splitListing(body, name), null) : null;
      if (listing) this.listings.set(name, listing); // unread, not empty, when it failed
    }
    const items = new Set([...this.listings.values()].flatMap((l) => l.items));
    this.index = new LabelIndex(root, this.zones, items);
  }

  /** The page's own code as the scope found it (URL first, then canonical, «Код решения», selectors). */
  get ownCode(): string | null {
    return this.scope.code;
  }

  /** What the page's relative links resolve against: its first <base href> (itself resolved against
   * the URL; a saved page keeps the site's), else the URL. */
  get base(): string | null {
    if (this.baseUrl === undefined) {
      const found = css(this.root, "base[href]")[0];
      this.baseUrl = (found ? absoluteUrl(found.getAttribute("href"), this.url) : null) ?? this.url;
    }
    return this.baseUrl;
  }

  get reviewItems(): Element[] {
    return this.listings.get("rating")?.items ?? [];
  }

  /** The tab an element sits in (null for the page head / sidebar). */
  zoneOf(el: Element): Zone {
    const cached = this.zoneCache.get(el);
    if (cached !== undefined) return cached;
    let zone: Zone = null;
    for (const a of ancestors(el)) {
      const name = this.zones.get(a);
      if (name !== undefined) {
        zone = name;
        break;
      }
    }
    this.zoneCache.set(el, zone);
    return zone;
  }

  /** Elements outside every tab body except the `allowed` tabs. */
  outside(elements: Element[], ...allowed: string[]): Element[] {
    return elements.filter((el) => {
      const zone = this.zoneOf(el);
      return zone === null || allowed.includes(zone);
    });
  }

  /** Folded text of the page outside all tab bodies (header, buy block, props). */
  /** Folded text of each vendor tab body (`vendorZones`, page order), its links' text left out: made once per
   * page for every reader of bare addresses in it (links.textLabelled; Python `vendor_texts`). The zones are the
   * same list on every call. */
  vendorTexts(vendorZones: readonly string[]): string[] {
    this.vendorTextList ??= [...this.zones]
      .filter(([, zone]) => vendorZones.includes(zone))
      .map(([body]) => fold(textWithout(body, new Set(css(body, "a")))));
    return this.vendorTextList;
  }

  headText(): string {
    if (this.head === null) this.head = this.headWithout([]);
    return this.head;
  }

  /** The head text leaving out some more elements of it (a dialog about another offer, a link to a
   * help page); the same as headText when there are none. */
  headWithout(excluded: Element[]): string {
    if (!excluded.length && this.head !== null) return this.head;
    const outer = [...this.zones.keys()].filter((z) => ![...ancestors(z.parentElement)].some((a) => this.zones.has(a)));
    return fold(textWithout(this.root, new Set([...outer, ...excluded])));
  }

  /** Take the read items out of the prepared tree: page-level fields never come from them. */
  detachItems(): void {
    for (const listing of this.listings.values()) for (const item of listing.items) if (item.parentElement) removeWithTail(item);
    this.zoneCache.clear();
  }

  /** Folded block text of an element, computed once: links and controls are tested by several fields. */
  foldedText(el: Element): string {
    let text = this.folded.get(el);
    if (text === undefined) {
      text = fold(inlineText(el));
      this.folded.set(el, text);
    }
    return text;
  }

  /** The first element matching a selector outside tab bodies (bar the allowed ones). */
  first(selector: string, ...allowed: string[]): Element | null {
    return this.outside(css(this.root, selector), ...allowed)[0] ?? null;
  }
}

/** Scope the tree, find the tabs and their items, then index label candidates (Python `build_page`). */
export function buildPage(root: Element, url: string | null, jsonld: readonly string[] = []): Page {
  return new Page(root, url, jsonld);
}
