// «Поддержка»: free-form partner HTML read with the shared regexes (DOM.md §10.4;
// backend/mpcheck/extract/support.py). Only the support tab body is read: the Marketplace's own
// phone in the header/footer is not the vendor's support channel.
import { css, inlineText } from "./dom";
import { TABLE } from "./label_table";
import { fold } from "./text";

const CHANNEL_ORDER = ["ticket", "chat", "phone", "email", "telegram", "whatsapp", "skype", "site"];

export interface Support {
  free_months: number | null;
  channels: string[] | null;
  hours: string | null;
  timezone: string | null;
  response_hours: number | null;
}

/** Python `_number`: an int when whole, else rounded to 2 places. */
function num(value: number): number {
  return Number.isInteger(value) ? value : Math.round(value * 100) / 100;
}

/** A response-time match that reads a time of day (support/response_clock): «после 18 ч», or «до 18 ч»
 * in a sentence naming a schedule or a zone (Python `_clock`). */
function clock(text: string, m: RegExpMatchArray): boolean {
  const at = m.index ?? 0;
  const end = at + m[0].length;
  const start = Math.max(...[".", "!", "?"].map((c) => text.lastIndexOf(c, at - 1))) + 1;
  const ends = [".", "!", "?"].map((c) => text.indexOf(c, end)).filter((i) => i >= 0);
  const sentence = text.slice(start, ends.length ? Math.min(...ends) : text.length);
  const entries = TABLE.entries("support", "response_clock");
  return TABLE.rx("support", "response_clock").some(
    (p, i) => p.test(m[0]) && (!entries[i]?.in_schedule || TABLE.search(sentence, "support", "hours") !== null || TABLE.search(sentence, "support", "timezone") !== null),
  );
}

/** A number of units from the first matching entry: its `number_group` (absent: one) × its unit's `key`. */
function scaled(text: string, path: string, units: string, key: string): number | null {
  const entries = TABLE.entries("support", path);
  const patterns = TABLE.rx("support", path);
  for (let i = 0; i < patterns.length; i++) {
    const p = patterns[i] as RegExp;
    let m: RegExpExecArray | null = null;
    for (const found of text.matchAll(new RegExp(p.source, p.flags.replace("g", "") + "g"))) {
      if (path === "response" && clock(text, found)) continue;
      m = found as RegExpExecArray;
      break;
    }
    if (!m) continue;
    const entry = entries[i] as (typeof entries)[number];
    const unit = TABLE.matchEntry(m[Number(entry.unit_group)] ?? "", "support", units);
    const count = typeof entry.number_group === "number" ? Number(m[entry.number_group]) : 1;
    return unit ? num(count * Number(unit[0][key])) : null;
  }
  return null;
}

/** A phone line: «по телефону» or a number that is not a messenger's («WhatsApp +7 …»). */
function phone(text: string): boolean {
  const notBefore = TABLE.rx("support", "channels", "phone_not_before");
  for (const p of TABLE.rx("support", "channels", "phone")) {
    for (const m of text.matchAll(new RegExp(p.source, p.flags + "g"))) {
      const first = m[0].charAt(0);
      if (!/[0-9+]/.test(first)) return true; // the words «по телефону», «телефон:»
      const before = text.slice(Math.max(0, m.index - 20), m.index);
      if (!notBefore.some((n) => n.test(before))) return true;
    }
  }
  return false;
}

function hours(text: string): string | null {
  const day = TABLE.entries("support", "days").find((_, i) => TABLE.rx("support", "days")[i]?.test(text));
  const m = TABLE.search(text, "support", "hours");
  if (m) {
    const span = `${Number(m[1])}:${m[2] ?? "00"}–${Number(m[3])}:${m[4] ?? "00"}`; // «с 10 до 19»: whole hours
    return day ? `${String(day.value)}, ${span}` : span;
  }
  return TABLE.search(text, "support", "around_clock") ? String(TABLE.entries("support", "around_clock")[0]?.value) : null;
}

function timezone(text: string): string | null {
  const list = TABLE.entries("support", "timezone");
  const patterns = TABLE.rx("support", "timezone");
  for (let i = 0; i < patterns.length; i++) {
    const m = (patterns[i] as RegExp).exec(text);
    if (!m) continue;
    const entry = list[i] as (typeof list)[number];
    const group = typeof entry.offset_group === "number" ? entry.offset_group : 0;
    const offset = group ? (m[group] ?? "").replace(/ /g, "").replace(/−/g, "-") : "";
    return String(entry.value) + offset;
  }
  return null;
}

/** All support facts of one folded support text. */
export function readSupportText(text: string): Support {
  return {
    free_months: scaled(text, "free_period", "period_units", "months"),
    channels: CHANNEL_ORDER.filter((name) => (name === "phone" ? phone(text) : TABLE.search(text, "support", "channels", name) !== null)),
    hours: hours(text),
    timezone: timezone(text),
    response_hours: scaled(text, "response", "response_units", "hours"),
  };
}

/** Support facts of the support tab body; every field null when the page has none. */
export function support(body: Element | undefined): Support {
  if (!body) return { free_months: null, channels: null, hours: null, timezone: null, response_hours: null };
  const hrefs = css(body, "a").map((a) => a.getAttribute("href") ?? "").join(" ");
  return readSupportText(fold(inlineText(body) + " " + hrefs));
}
