// «Поддержка»: free-form partner HTML read with the shared regexes (DOM.md §10.4;
// backend/mpcheck/extract/support.py). Only the support tab body is read: the Marketplace's own
// phone in the header/footer is not the vendor's support channel.
import type { Page } from "./context";
import { findDates } from "./dates";
import { childElements, css, inlineText, tag } from "./dom";
import { TABLE } from "./label_table";
import { cpLen, fold } from "./text";
import { countOf } from "./values";

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

/** A period match that is no such period: a time of day (response), a negation or another object
 * inside the match (support/<path>_refused), a purchase or refund term right after it
 * (support/<path>_refused_after) (Python `_refused_period`). */
function refusedPeriod(text: string, m: RegExpMatchArray, path: string): boolean {
  if (path === "response" && clock(text, m)) return true;
  if (TABLE.rx("support", `${path}_refused`).some((p) => p.test(m[0]))) return true;
  const after = text.slice((m.index ?? 0) + m[0].length);
  return TABLE.rx("support", `${path}_refused_after`).some((p) => p.test(after));
}

/** A number of units from the first matching entry: its `number_group` (absent: its `count`, else one; digits or a number
 * word, «в течение одного рабочего дня», `values.countOf`) × its unit's `key`; a refused match or one
 * over support/<path>_max is passed over for the next one (Python `_scaled`). */
function scaled(text: string, path: string, units: string, key: string): number | null {
  const entries = TABLE.entries("support", path);
  const patterns = TABLE.rx("support", path);
  const bound = TABLE.get("support", `${path}_max`);
  for (let i = 0; i < patterns.length; i++) {
    const p = patterns[i] as RegExp;
    const entry = entries[i] as (typeof entries)[number];
    for (const m of text.matchAll(new RegExp(p.source, p.flags.replace("g", "") + "g"))) {
      if (refusedPeriod(text, m, path)) continue;
      const unit = TABLE.matchEntry(m[Number(entry.unit_group)] ?? "", "support", units);
      // no number group: one unit, or the entry's `count` of them («полтора рабочих дня»)
      const count = typeof entry.number_group === "number" ? countOf(m[entry.number_group] ?? "") : typeof entry.count === "number" ? entry.count : 1;
      if (!unit) return null;
      if (count === null) continue;
      const value = count * Number(unit[0][key]);
      if (typeof bound === "number" && value > bound) continue;
      return num(value);
    }
  }
  return null;
}

/** Where the text names channel `name`: [start, end] of each hit. A phone number right after a
 * messenger's name («WhatsApp +7 …») is that messenger's, not a phone line (Python `_hits`). */
function hits(text: string, name: string): Array<[number, number]> {
  const notBefore = TABLE.rx("support", "channels", "phone_not_before");
  const entries = TABLE.entries("support", "channels", name);
  const out: Array<[number, number]> = [];
  TABLE.rx("support", "channels", name).forEach((p, i) => {
    const group = Number(entries[i]?.number_group ?? 0);
    for (const m of text.matchAll(new RegExp(p.source, p.flags + "g"))) {
      const part = m[group] ?? "";
      // the group ends where the match ends (the number's prefix is one character or none)
      const start = group ? m.index + m[0].length - part.length : m.index;
      if (group && notBefore.some((n) => n.test(text.slice(Math.max(0, start - 20), start)))) continue;
      out.push([start, start + part.length]);
    }
  });
  return out;
}

/** `before` from the last clause end on and `after` up to the next one (support/channels/clause_end). */
function clause(before: string, after: string): [string, string] {
  let start = 0;
  let end = after.length;
  for (const p of TABLE.global("support", "channels", "clause_end")) {
    for (const m of before.matchAll(p)) start = Math.max(start, m.index + m[0].length);
    const [m] = after.matchAll(p);
    if (m) end = Math.min(end, m.index);
  }
  return [before.slice(start), after.slice(0, end)];
}

/** Does the sentence the text after a hit goes on in end with a «?» (the first sentence end of `sentences`
 * with `capital`) (Python `_asked`). */
function asked(after: string): boolean {
  for (let i = 0; i < after.length; i++) {
    const c = after[i] as string;
    const next = after[i + 1] ?? "";
    if (".!?".includes(c) && (i + 1 === after.length || next === " " || (next !== next.toLowerCase() && next === next.toUpperCase()))) return c === "?";
  }
  return false;
}

/** A channel hit its own clause takes back: negated right after or before it, or beside the
 * Marketplace's own account / helpdesk or a news channel (support/channels/refused_*; Python `_refused`). */
/** The sentence (`sentences`) of the text `before + hit + after` that the hit starts in, up to the hit's
 * end: a sales phrase after the hit («… звоните +7 …, по вопросам оплаты — sales@acme.ru») opens a clause
 * of its own and does not take back a support channel named before it (Python `_sentence_head`). */
function sentenceHead(before: string, hit: string, after: string): string {
  let start = 0;
  for (const sentence of sentences(before + hit + after)) {
    if (start + sentence.length > before.length) return sentence.slice(0, before.length + hit.length - start);
    start += sentence.length;
  }
  return hit;
}

function refused(beforeText: string, hit: string, afterText: string): boolean {
  // asked in a question («Можно ли позвонить по телефону? Нет, …»: a FAQ's question states no channel)
  if (asked(afterText)) return true;
  // a sentence about the sales line as a whole («По вопросам оплаты, … пишите нам, продавцу, в чат на Ozon
  // или звоните +7 …»: a reseller's own contacts); the hit's comma clause alone does not reach its opening.
  // Only a sales phrase before the hit, with no support word between (the pattern's look-ahead) counts.
  if (TABLE.rx("support", "sales").some((p) => p.test(sentenceHead(beforeText, hit, afterText)))) return true;
  // a sentence that keeps its line for other matters («Отдел внедрения: +7 …, пн–пт 9:00–20:00 — только
  // коммерческие вопросы»: support/channels/refused_sentence)
  if (TABLE.rx("support", "channels", "refused_sentence").some((p) => p.test(sentenceOf(beforeText, hit, afterText)))) return true;
  if (headingRefused(beforeText, hit, afterText) || negated(beforeText, afterText)) return true;
  const [before, after] = clause(beforeText, afterText);
  const width = TABLE.get("support", "channels", "refused_window");
  const near = typeof width === "number" ? before.slice(Math.max(0, before.length - width)) + hit + after.slice(0, width) : before + hit + after;
  return TABLE.rx("support", "channels", "refused_near").some((p) => p.test(near)) || TABLE.rx("support", "sales").some((p) => p.test(near));
}

/** The hit's clause negates it right after or before it (support/channels/refused_after, refused_before:
 * «По телефону … не оказываем», «Не консультируем по телефону»), or the rest of its sentence does when the hit
 * opens a comma list the negation closes (support/channels/refused_list_after: «В WhatsApp, Viber и личных
 * сообщениях … не отвечаем»; the clause ends at the first comma) (Python `_negated`). */
function negated(beforeText: string, afterText: string): boolean {
  const rest = sentences(afterText)[0] ?? "";
  if (TABLE.rx("support", "channels", "refused_list_after").some((p) => p.test(rest))) return true;
  const [before, after] = clause(beforeText, afterText);
  return TABLE.rx("support", "channels", "refused_after").some((p) => p.test(after)) || TABLE.rx("support", "channels", "refused_before").some((p) => p.test(before));
}

/** The hit's sentence (`sentenceOf`) opens with a negating heading (support/channels/refused_heading: a `dt`
 * «Чего у нас нет» over «онлайн-чата и поддержки по телефону.»): it lists what the support does not have
 * (Python `_heading_refused`). */
function headingRefused(before: string, hit: string, after: string): boolean {
  const sentence = sentenceOf(before, hit, after);
  return TABLE.rx("support", "channels", "refused_heading").some((p) => p.test(sentence));
}

/** The whole sentence (`sentences`) of the text `before + hit + after` that the hit starts in (Python `_sentence_of`). */
function sentenceOf(before: string, hit: string, after: string): string {
  let start = 0;
  for (const sentence of sentences(before + hit + after)) {
    if (start + sentence.length > before.length) return sentence;
    start += sentence.length;
  }
  return hit;
}

/** The section says it gives no support by this channel: a hit negated in its clause (`negated`) whose
 * clause names support (support/channels/refused_support: «По телефону и электронной почте техподдержку не
 * оказываем»). Then no other hit or link of the channel in the section is a support line (the sales
 * department's phone, an office e-mail). So too a hit in a sentence a negating heading opens (`headingRefused`)
 * that names support: «Чего у нас нет: онлайн-чата и поддержки по телефону.». A negation about something else
 * («Если Telegram-бот не отвечает, напишите в Telegram») takes back its own hit only (Python `_support_refused`). */
function supportRefused(text: string, found: Array<[number, number]>): boolean {
  const namesSupport = TABLE.rx("support", "channels", "refused_support");
  return found.some(([s, e]) => {
    const before = text.slice(0, s);
    const hit = text.slice(s, e);
    const after = text.slice(e);
    if (negated(before, after)) {
      const [head, tail] = clause(before, after);
      return namesSupport.some((p) => p.test(head + hit + tail));
    }
    if (!headingRefused(before, hit, after)) return false;
    const sentence = sentenceOf(before, hit, after);
    return namesSupport.some((p) => p.test(sentence));
  });
}

/** An anchor's href and the text of its block before and after the anchor (nulls when the anchor's text
 * is not found in its block): the href is judged by the anchor's own clause (Python `_link`). */
type Link = [string, string | null, string | null];

/** The hit's clause names its channel again and negates it there (`negated`): a channel table's row
 * «WhatsApp | — | в WhatsApp не отвечаем» closed as «WhatsApp — в WhatsApp не отвечаем.» (blind
 * solution_dokuwiki_kaos_iset_bonusclub) labels the channel only to refuse it. The clause ends at a comma,
 * so «Если Telegram-бот не отвечает, напишите в Telegram» keeps its later hit (Python `_named_again_refused`). */
function namedAgainRefused(text: string, found: readonly (readonly [number, number])[], s: number, e: number): boolean {
  const [, tail] = clause(text.slice(0, s), text.slice(e));
  return found.some(([s2, e2]) => s2 >= e && e2 <= e + tail.length && negated(text.slice(0, s2), text.slice(e2)));
}

/** The channels the text names and not takes back, then those only a link's href names (Python `_channels`). */
function channels(text: string, links: readonly Link[]): string[] {
  return CHANNEL_ORDER.filter((name) => {
    const found = hits(text, name);
    if (supportRefused(text, found)) return false;
    return (
      found.some(([s, e]) => !refused(text.slice(0, s), text.slice(s, e), text.slice(e)) && !namedAgainRefused(text, found, s, e)) ||
      links.some(([href, before, after]) => hits(href, name).some(([s, e]) => !refused(before ?? "", href.slice(s, e), after ?? "")))
    );
  });
}

/** The text cut after each sentence end (a «.», «!» or «?» before a space or the end, or with `capital`
 * before a capital letter too: two paragraphs' text joined with no space, «21:00.Техподдержка»; a clock's
 * «10.00» and a date's «31.12» are no ends, nor an abbreviation's dot: «тел. 8 800 …», support/abbreviation)
 * (Python `_sentences`). */
function sentences(text: string, capital = false): string[] {
  const out: string[] = [];
  const abbreviation = TABLE.rx("support", "abbreviation");
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const next = text[i + 1] ?? "";
    if (".!?".includes(text[i] as string) && (i + 1 === text.length || next === " " || (capital && next !== next.toLowerCase() && next === next.toUpperCase()))) {
      // an abbreviation's dot ends no sentence («тел. 8 800 …», support/abbreviation)
      if (text[i] === "." && abbreviation.some((p) => p.test(text.slice(Math.max(0, i - 6), i + 1)))) continue;
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** The working hours' clock span: the first of a sentence that names the days and no calendar date
 * («пн–пт, с 9:00 до 18:00»), else of one naming the days, else of one with no date, else the first: a
 * holiday notice («С 31 декабря по 8 января поддержка работает с 11:00 до 16:00») is an exception, not
 * the schedule (Python `_span`). */
/** The text without its sentences about the vendor's sales line (support/sales, or a line kept for other
 * matters: support/channels/refused_sentence) or another's support desk (support/other_desk, the
 * Marketplace's): their hours and answer times are not the vendor's support's (Python `_not_sales`). */
function notSales(text: string): string {
  const other = [...TABLE.rx("support", "sales"), ...TABLE.rx("support", "channels", "refused_sentence"), ...TABLE.rx("support", "other_desk")];
  return sentences(text, true)
    .filter((s) => !other.some((p) => p.test(s)))
    .join("");
}

function span(text: string): RegExpExecArray | null {
  const days = TABLE.rx("support", "days");
  let best: [number, RegExpExecArray] | null = null;
  for (const sentence of sentences(text)) {
    const found = TABLE.search(sentence, "support", "hours");
    if (!found) continue;
    const rank = (days.some((p) => p.test(sentence)) ? 0 : 2) + (findDates(sentence).length ? 1 : 0);
    if (!best || rank < best[0]) best = [rank, found];
  }
  return best ? best[1] : null;
}

function hours(full: string): string | null {
  const text = notSales(full);
  const day = TABLE.entries("support", "days").find((_, i) => TABLE.rx("support", "days")[i]?.test(text));
  const m = span(text);
  if (m) {
    const clock = `${Number(m[1])}:${m[2] ?? "00"}–${Number(m[3])}:${m[4] ?? "00"}`; // «с 10 до 19»: whole hours
    return day ? `${String(day.value)}, ${clock}` : clock;
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

/**
 * Hours to the first answer, never a paid plan's (support/response_other_plan: «по тарифу «Приоритет»
 * (4 900 руб./мес., первый ответ в течение 1 часа)» beside the support's own «не позднее 4 часов»)
 * (Python `_response_hours`).
 */
function responseHours(text: string): number | null {
  const plan = TABLE.rx("support", "response_other_plan");
  const own = sentences(notSales(text), true)
    .filter((s) => !plan.some((p) => p.test(s)))
    .join("");
  return scaled(own, "response", "response_units", "hours");
}

/** All support facts of one folded support text; `links` as `channels` takes them. */
export function readSupportText(text: string, links: readonly Link[] = []): Support {
  return {
    free_months: scaled(text, "free_period", "period_units", "months"),
    channels: channels(text, links),
    hours: hours(text),
    timezone: timezone(text),
    response_hours: responseHours(text),
  };
}

/** Support facts of the support tab body; every field null when the page has none. */
export function support(body: Element | undefined): Support {
  if (!body) return { free_months: null, channels: null, hours: null, timezone: null, response_hours: null };
  const facts = readSupportText(fold(rowsClosed(body)), css(body, "a").map((a) => link(a, body)));
  if (facts.free_months === null) facts.free_months = freeRow(body);
  return facts;
}

/**
 * Months of free support from a row of the section's own table labelled only «Бесплатно»
 * (support/free_label: a `th` or `dt` whose value is the `td` or `dd` right after it) whose value
 * opens with a period (support/free_label_value): in the support section the free thing is the
 * support («Бесплатно | 3 месяца с даты покупки», an Ant Design descriptions table, blind
 * solution_antd5_descriptions_zarya_pharmacy_shop). Read only when the text names no free period;
 * «Бесплатные обновления | 12 месяцев» is another label (Python `_free_row`).
 */
function freeRow(body: Element): number | null {
  for (const label of css(body, "th, dt")) {
    const value = label.nextElementSibling;
    if (!value || !["td", "dd"].includes(tag(value))) continue;
    if (TABLE.search(fold(inlineText(label)), "support", "free_label") === null) continue;
    const months = scaled(fold(inlineText(value)), "free_label_value", "period_units", "months");
    if (months !== null) return months;
  }
  return null;
}

/**
 * The body's text with every table row and every definition list value closed as a sentence
 * («Режим работы | пн–пт, 09:00–18:00» and «Время ответа | не более 1 рабочего дня» rows, then «Телефон …
 * — только отдел продаж.»): rows have no sentence ends, so a sales sentence after the table (notSales)
 * took the rows with it (blind solution_bulma_level_tiles_ozerokod_crm), and a paid plan's `dd`
 * («Приоритетная поддержка | тариф «Приоритет» — 2 900 руб./мес., первый ответ в течение 1 часа»,
 * responseHours) took every row of its `dl` (blind solution_jekyll_minima_ghpages_volga_cdek). A «.» goes
 * at the end of each row's last cell and of each `dd`, in a copy; never after a header row of `th` only
 * («Канал | Время ответа» over «Тикет | до 4 часов»: the header's words go on into the first row) (Python
 * `_rows_closed`).
 */
function rowsClosed(body: Element): string {
  if (!css(body, "tr, dd").length) return inlineText(body);
  const copy = body.cloneNode(true) as Element;
  for (const row of css(copy, "tr")) {
    const cells = childElements(row);
    const last = cells[cells.length - 1];
    if (last && cells.some((c) => tag(c) === "td") && !/[.!?]$/.test(inlineText(row))) last.appendChild(copy.ownerDocument.createTextNode("."));
  }
  for (const value of css(copy, "dd")) if (!/[.!?]$/.test(inlineText(value))) value.appendChild(copy.ownerDocument.createTextNode("."));
  return inlineText(copy);
}

/**
 * A properties card's value is one short phrase (`support.card_value_max_chars`), not a
 * paragraph going on to another sentence («6 месяцев. Пишите на …»: a support text, not a card line).
 */
function cardValue(text: string): boolean {
  const limit = TABLE.get("support", "card_value_max_chars");
  if (typeof limit !== "number" || cpLen(text) > limit) return false;
  const chars = [...text];
  for (let i = 0; i + 2 < chars.length; i++) {
    const [mark, gap, next] = [chars[i] ?? "", chars[i + 1] ?? "", chars[i + 2] ?? ""];
    if (".!?".includes(mark) && gap === " " && next !== next.toLowerCase() && next === next.toUpperCase()) return false;
  }
  return true;
}

/**
 * Months of free support from the page's own properties card, for a page with no support section (an
 * SPA saved on another route): the first line labelled like support (`fields.support_free`, page
 * zone only) whose label and value together name a free period («Поддержка: 12 месяцев бесплатно»).
 * Only free_months: such a line says nothing of channels, hours or answer times, and a line with no
 * free period («Поддержка: ежедневно», «Поддержка: 12 месяцев») gives nothing.
 */
export function labelledFreeMonths(page: Page): number | null {
  let label: Element | null = null;
  const months = (el: Element, text: string): number | null =>
    scaled(fold(inlineText(el) + " " + text), "free_period", "period_units", "months");
  const hit = page.index.find("support_free", {
    accept: (el) => {
      label = el; // called with the label element before its value is checked
      return true;
    },
    valid: (text) => label !== null && cardValue(text) && months(label, text) !== null,
  });
  return hit ? months(hit.label, hit.text) : null;
}

function link(anchor: Element, body: Element): Link {
  let block = body;
  for (let el = anchor.parentElement; el; el = el.parentElement) {
    if (el === body || TABLE.blockTags.has(tag(el))) {
      block = el;
      break;
    }
  }
  const text = fold(inlineText(block));
  const label = fold(inlineText(anchor));
  const at = label ? text.indexOf(label) : -1;
  const href = fold(anchor.getAttribute("href") ?? "");
  return at >= 0 ? [href, text.slice(0, at), text.slice(at + label.length)] : [href, null, null];
}
