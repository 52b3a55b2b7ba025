// The label table's own words (shared_rules/labels.json: field labels and section titles), as the
// structure report may quote them: only the part of a text that a label pattern matches from its
// start, digits masked, letters and punctuation only. Nothing else of the page's text can pass.
type Obj = Record<string, unknown>;

export interface LabelPattern {
  /** Where the pattern lives in the table: "fields.price", "tabs.rating". */
  key: string;
  rx: RegExp;
}

const MAX_WORD = 40;
// What a quoted label may consist of once digits are masked: letters, spaces, a few punctuation marks.
const WORD_SHAPE = /^[\p{L}#\s.,:;()«»"'–—-]+$/u;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function patterns(group: unknown, list: string, prefix: string, flags: string): LabelPattern[] {
  if (!isObj(group)) return [];
  return Object.entries(group).flatMap(([name, entry]) => {
    const items = isObj(entry) ? entry[list] : undefined;
    if (!Array.isArray(items)) return [];
    return items.flatMap((item): LabelPattern[] => {
      const re = isObj(item) ? item.re : undefined;
      if (typeof re !== "string") return [];
      try {
        // anchored at the start like the extractors' label wrapper; the match is what gets quoted
        return [{ key: `${prefix}.${name}`, rx: new RegExp(`^(?:${re})`, flags) }];
      } catch {
        return []; // a pattern this engine cannot compile quotes nothing
      }
    });
  });
}

/** Field labels (`fields.*.labels`) and tab/section titles (`tabs.*.titles`) of the table. */
export function labelPatterns(labels: unknown): LabelPattern[] {
  const table = isObj(labels) ? labels : {};
  const flags = typeof table.flags === "string" ? table.flags.replace(/[gy]/g, "") : "iu";
  return [...patterns(table.fields, "labels", "fields", flags), ...patterns(table.tabs, "titles", "tabs", flags)];
}

/** The normalised text as the extractors see it: odd spaces to one space, ё→е, trimmed. */
export function normaliseText(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2009\u200b]+/gu, " ").replace(/ё/g, "е").replace(/Ё/g, "Е").trim();
}

/**
 * The label word at the start of `text` and its table key, or null; digits come out as "#", and
 * guillemets as straight quotes: the report quotes each word in «…», so a label that quotes a name
 * itself («Поддержка технологии «Композитный сайт»») must not close the report's quote early.
 */
export function labelWord(text: string, table: readonly LabelPattern[]): { key: string; word: string } | null {
  for (const { key, rx } of table) {
    const m = rx.exec(text);
    const word = m?.[0].trim().replace(/[0-9]+/g, "#").replace(/[«»]/g, '"') ?? "";
    if (!word || word.length > MAX_WORD || !WORD_SHAPE.test(word)) continue;
    return { key, word };
  }
  return null;
}
