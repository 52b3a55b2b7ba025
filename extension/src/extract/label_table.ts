// The shared label table (shared_rules/labels.json), compiled once for JS. The same file drives the
// Python extractor (backend/mpcheck/extract/label_table.py); every regex is written to behave the same in
// Python `re` and JS `RegExp(re, "iu")`, so only the compilation lives here, never a pattern.
// Python's `pattern.match` (anchored at 0, not at the end) is the sticky flag "y" read at index 0.
// The build ships the table case-closed with `flags: "u"` (extension/build/caseless.mjs: the same
// matches, a cheaper compile in a fresh tab); tests read labels.json itself, "iu". Whoever compiles
// a table pattern uses FLAGS, never a literal "iu", and adds no letter of its own to it.
import labelsJson from "../../../shared_rules/labels.json";

/** One regex or selector entry of the table (extra keys such as `days`, `value`, `months` vary). */
export interface Entry {
  re?: string;
  css?: string;
  attr?: string;
  count?: boolean;
  value_re?: string;
  [key: string]: unknown;
}

type Node = unknown;
const DATA = labelsJson as unknown as Record<string, Node>;
/** The flags every table pattern is compiled with ("iu", or "u" for the build's case-closed table). */
export const FLAGS: string = typeof DATA.flags === "string" ? DATA.flags : "iu";

function compile(source: string, extra = ""): RegExp {
  return new RegExp(source, FLAGS + extra);
}

class Table {
  readonly data: Record<string, Node> = DATA;
  readonly flags: string = FLAGS;
  readonly skipTags: ReadonlySet<string> = new Set(DATA.skip_tags as string[]);
  readonly blockTags: ReadonlySet<string> = new Set(DATA.block_tags as string[]);
  readonly blockClasses: ReadonlySet<string> = new Set(((DATA.block_classes as { classes?: string[] } | undefined)?.classes) ?? []);
  readonly headingTags: ReadonlySet<string> = new Set((DATA.heading_tags as string[] | undefined) ?? []);
  private readonly rxCache = new Map<string, RegExp[]>();
  private readonly stickyCache = new Map<string, RegExp[]>();
  private readonly globalCache = new Map<string, RegExp[]>();
  private readonly labelCache = new Map<string, RegExp[]>();
  private readonly lazyCache = new Map<string, Array<RegExp | undefined>>();
  private starts: { rx: RegExp; names: string[] } | null = null;

  /** The raw JSON value at `path` (undefined when absent). */
  get(...path: string[]): Node {
    let node: Node = this.data;
    for (const key of path) {
      if (node === null || typeof node !== "object" || Array.isArray(node) || !(key in node)) return undefined;
      node = (node as Record<string, Node>)[key];
    }
    return node;
  }

  /** A list of regex or selector entries at `path` ([] when absent). */
  entries(...path: string[]): Entry[] {
    const value = this.get(...path);
    return Array.isArray(value) ? (value as Entry[]) : [];
  }

  /** The pattern texts of the entry list at `path`, table order: for a caller that combines them
   * into one regex (compiling each first only to read `.source` was a parse per entry per tab). */
  sources(...path: string[]): string[] {
    return this.entries(...path).flatMap((e) => (typeof e.re === "string" ? [e.re] : []));
  }

  /** Compiled regexes of the entry list at `path` (for `search` / exec), table order. */
  rx(...path: string[]): RegExp[] {
    return this.cached(this.rxCache, path, "");
  }

  /** The same regexes anchored at the start like Python's `match` (sticky, lastIndex reset by `match`). */
  sticky(...path: string[]): RegExp[] {
    return this.cached(this.stickyCache, path, "y");
  }

  /** The same regexes with the `g` flag, for matchAll / repeated exec like Python's `finditer`. */
  global(...path: string[]): RegExp[] {
    return this.cached(this.globalCache, path, "g");
  }

  private cached(cache: Map<string, RegExp[]>, path: string[], extra: string): RegExp[] {
    const key = path.join("/");
    let found = cache.get(key);
    if (!found) {
      found = this.entries(...path).filter((e) => typeof e.re === "string").map((e) => compile(e.re as string, extra));
      cache.set(key, found);
    }
    return found;
  }

  /** The first match of any regex at `path` (table order wins over position), like Table.search. */
  search(text: string, ...path: string[]): RegExpExecArray | null {
    const list = this.lazy(this.rxCache, path, "");
    for (let i = 0; i < list.length; i++) {
      const m = (list[i] ??= compile(this.sources(...path)[i] as string)).exec(text);
      if (m) return m;
    }
    return null;
  }

  /**
   * The cached list at `path`, its slots filled only as a first-match loop reaches them: a page
   * whose text matches the first entry never parses the rest (`rx()` and friends fill the list).
   */
  private lazy(cache: Map<string, RegExp[]>, path: string[], extra: string): Array<RegExp | undefined> {
    const key = path.join("/");
    let found: Array<RegExp | undefined> | undefined = this.lazyCache.get(`${extra}:${key}`);
    if (!found) {
      const full = cache.get(key);
      found = full ? [...full] : new Array<RegExp | undefined>(this.sources(...path).length);
      this.lazyCache.set(`${extra}:${key}`, found);
    }
    return found;
  }

  /** Label regexes wrapped with `label_wrapper` (anchored; the rest is group 1). */
  labelRx(...path: string[]): RegExp[] {
    const key = path.join("/");
    let found = this.labelCache.get(key);
    if (!found) {
      const wrapper = String(this.data.label_wrapper);
      const list = path.length === 1 ? this.entries("fields", path[0] ?? "", "labels") : this.entries(...path);
      found = list.map((e) => compile(wrapper.replace("{label}", () => String(e.re))));
      this.labelCache.set(key, found);
    }
    return found;
  }

  /**
   * Which labels start a text: the fields whose label regex matches at 0, and "" for a partner-page
   * label; null when none does. It answers Python's `all_label_prefilter` (an alternation of every
   * label: does any start the text?) and more, in one sticky exec: one `(?:(?=(L))|)` per field, so
   * each group is set exactly when that field's labels match at 0. A field's own wrapped label
   * regex then only ever runs on texts its label starts: compiling ~20 of them for every text that
   * holds any label was a large part of a page's first (cold) read in the browser.
   */
  labelStarts(text: string): ReadonlySet<string> | null {
    if (!this.starts) {
      const names: string[] = [];
      const groups: string[] = [];
      const add = (name: string, list: Entry[]): void => {
        if (!list.length) return;
        names.push(name);
        groups.push(list.map((e) => `(?:${String(e.re)})`).join("|"));
      };
      const fields = this.data.fields as Record<string, { labels: Entry[] }>;
      for (const [name, f] of Object.entries(fields)) add(name, f.labels);
      const partner = this.get("partner_page", "labels") as Record<string, Entry[]> | undefined;
      // the name's labels («Название: …», identity.name) and the discussion count's («Обсуждения: 41 сообщение»,
      // comments.labelledCount) are no field's either: isLabel does not know them
      const named = (this.get("name", "labels") as Entry[] | undefined) ?? [];
      const discussion = (this.get("comments", "labels") as Entry[] | undefined) ?? [];
      add("", [...Object.values(partner ?? {}).flat(), ...named, ...discussion]);
      this.starts = { rx: compile(groups.map((g) => `(?:(?=(${g}))|)`).join(""), "y"), names };
    }
    const { rx, names } = this.starts;
    rx.lastIndex = 0;
    const m = rx.exec(text); // every group may stay empty: it always matches at 0
    let found: Set<string> | null = null;
    for (let i = 0; m && i < names.length; i++) if (m[i + 1] !== undefined) (found ??= new Set()).add(names[i] as string);
    return found;
  }

  /** Python `pattern.match(text)`: a match starting at index 0 only (a sticky regex is reset first). */
  match(pattern: RegExp, text: string): RegExpExecArray | null {
    if (pattern.sticky) {
      pattern.lastIndex = 0;
      return pattern.exec(text);
    }
    const m = pattern.exec(text);
    return m && m.index === 0 ? m : null;
  }

  /** The first entry at `path` whose regex matches at 0, with the match: unit and bucket tables. */
  matchEntry(text: string, ...path: string[]): [Entry, RegExpExecArray] | null {
    const list = this.entries(...path);
    const patterns = this.lazy(this.stickyCache, path, "y");
    for (let i = 0; i < patterns.length; i++) {
      const m = this.match((patterns[i] ??= compile(this.sources(...path)[i] as string, "y")), text);
      if (m) return [list[i] as Entry, m];
    }
    return null;
  }
}

export const TABLE = new Table();
