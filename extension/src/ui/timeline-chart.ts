// A small SVG timeline: reviews per month as bars, releases as triangles on their own lane, over
// the last two years. Built with createElementNS + textContent only (page data never becomes
// markup). Accessible: role="img" with an aria-label summary and a <title>, a <desc> listing the
// busy months, and timelineTable() as the visually hidden table for screen readers. Colour is never
// alone: the two series differ in shape and position too, and the legend names them.
import type { FactsView, Lang } from "../shared/contracts";
import { plural } from "./plural";
import { monthlyTimeline, type Timeline } from "./timeline-data";

const SVG_NS = "http://www.w3.org/2000/svg";
const [WIDTH, HEIGHT] = [360, 132];
const [LEFT, COLUMN] = [8, 14.5];
const [RELEASE_Y, BAR_TOP, BASELINE] = [34, 44, 104];
const COLOURS = { reviews: "#0b57d0", releases: "#a4261d", ink: "#4a4f57" };

const TEXT = {
  ru: { title: "Релизы и отзывы по месяцам за 2 года", reviews: "отзывы", releases: "релизы", month: "Месяц",
    reviewForms: ["отзыв", "отзыва", "отзывов"], releaseForms: ["релиз", "релиза", "релизов"],
    shown: (n: number, total: number) => `на странице показаны ${n} из ${total} отзывов`, none: "событий нет" },
  en: { title: "Releases and reviews per month, last 2 years", reviews: "reviews", releases: "releases", month: "Month",
    reviewForms: ["review", "reviews", "reviews"], releaseForms: ["release", "releases", "releases"],
    shown: (n: number, total: number) => `the page listed ${n} of ${total} reviews`, none: "nothing happened" },
} as const;

function counted(n: number, forms: readonly [string, string, string], lang: Lang): string {
  return `${n} ${plural(n, lang, forms)}`;
}

export function timelineSummary(t: Timeline, lang: Lang): string {
  const tx = TEXT[lang];
  const parts = [counted(t.releases, tx.releaseForms, lang), counted(t.reviews, tx.reviewForms, lang)];
  const shown = t.reviewsTotal !== null ? ` (${tx.shown(t.reviews, t.reviewsTotal)})` : "";
  return `${tx.title}: ${parts.join(", ")}${shown}`;
}

function busyMonths(t: Timeline, lang: Lang): string {
  const tx = TEXT[lang];
  const busy = t.months
    .filter((m) => m.releases + m.reviews > 0)
    .map((m) => {
      const what = [m.releases ? counted(m.releases, tx.releaseForms, lang) : "", m.reviews ? counted(m.reviews, tx.reviewForms, lang) : ""];
      return `${m.month}: ${what.filter(Boolean).join(", ")}`;
    });
  return busy.length ? busy.join("; ") : tx.none;
}

function node<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = doc.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  return el;
}

function label(doc: Document, x: number, y: number, value: string, anchor = "middle"): SVGTextElement {
  const text = node(doc, "text", { x, y, "font-size": 10, "text-anchor": anchor, fill: COLOURS.ink });
  text.textContent = value;
  return text;
}

function triangle(doc: Document, cx: number, cy: number, size: number): SVGPathElement {
  const h = size * 0.9;
  return node(doc, "path", { d: `M${cx} ${cy - h / 2}L${cx + size / 2} ${cy + h / 2}L${cx - size / 2} ${cy + h / 2}Z`, fill: COLOURS.releases });
}

function legend(doc: Document, lang: Lang): SVGGElement {
  const g = node(doc, "g", { class: "mp-timeline-legend" });
  g.append(node(doc, "rect", { x: LEFT, y: 6, width: 9, height: 9, fill: COLOURS.reviews }));
  g.append(label(doc, LEFT + 13, 14, TEXT[lang].reviews, "start"));
  g.append(triangle(doc, LEFT + 84, 10.5, 10), label(doc, LEFT + 92, 14, TEXT[lang].releases, "start"));
  return g;
}

function columns(doc: Document, t: Timeline): SVGGElement {
  const g = node(doc, "g", { class: "mp-timeline-months" });
  const most = Math.max(1, ...t.months.map((m) => m.reviews));
  t.months.forEach((m, i) => {
    const cx = LEFT + i * COLUMN + COLUMN / 2;
    const cell = node(doc, "g", { "data-month": m.month, "data-releases": m.releases, "data-reviews": m.reviews });
    if (m.reviews > 0) {
      const h = Math.max(2, ((BASELINE - BAR_TOP) * m.reviews) / most);
      cell.append(node(doc, "rect", { class: "mp-bar", x: cx - 5, y: BASELINE - h, width: 10, height: h, fill: COLOURS.reviews }));
    }
    if (m.releases > 0) {
      cell.append(triangle(doc, cx, RELEASE_Y, 9));
      if (m.releases > 1) cell.append(label(doc, cx, RELEASE_Y - 7, String(m.releases)));
    }
    // Years under each January, and under the first column unless a January is too close to it.
    const firstYear = i === 0 && Number(m.month.slice(5)) <= 10;
    if (firstYear || m.month.endsWith("-01")) cell.append(label(doc, cx, BASELINE + 24, m.month.slice(0, 4)));
    if (i % 3 === 0) cell.append(label(doc, cx, BASELINE + 12, m.month.slice(5)));
    g.append(cell);
  });
  return g;
}

/** The chart for one solution; `today` (YYYY-MM-DD) fixes the 24-month window. */
export function renderTimeline(facts: FactsView, today: string, lang: Lang, doc: Document = document): SVGSVGElement {
  const t = monthlyTimeline(facts, today);
  const svg = node(doc, "svg", { class: "mp-timeline", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: "img", focusable: "false" });
  svg.setAttribute("aria-label", timelineSummary(t, lang));
  const title = node(doc, "title", {});
  title.textContent = TEXT[lang].title;
  const desc = node(doc, "desc", {});
  desc.textContent = busyMonths(t, lang);
  svg.append(title, desc, legend(doc, lang));
  svg.append(node(doc, "line", { x1: LEFT, x2: LEFT + COLUMN * t.months.length, y1: BASELINE, y2: BASELINE, stroke: COLOURS.ink }));
  svg.append(columns(doc, t));
  return svg;
}

/** The same numbers as a table, for a visually hidden caption-and-table next to the chart. */
export function timelineTable(facts: FactsView, today: string, lang: Lang, doc: Document = document): HTMLTableElement {
  const t = monthlyTimeline(facts, today);
  const table = doc.createElement("table");
  table.className = "mp-visually-hidden";
  const caption = doc.createElement("caption");
  caption.textContent = timelineSummary(t, lang);
  const head = doc.createElement("tr");
  for (const name of [TEXT[lang].month, TEXT[lang].releases, TEXT[lang].reviews]) {
    const th = doc.createElement("th");
    th.scope = "col";
    th.textContent = name;
    head.append(th);
  }
  table.append(caption, head);
  for (const m of t.months) {
    const row = doc.createElement("tr");
    for (const value of [m.month, String(m.releases), String(m.reviews)]) {
      const td = doc.createElement("td");
      td.textContent = value;
      row.append(td);
    }
    table.append(row);
  }
  return table;
}
