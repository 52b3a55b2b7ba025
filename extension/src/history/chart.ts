// The history figure: a small SVG of the score by day (days of your visits as hollow circles, the
// other server observations as filled squares: shape, not colour alone), the price as a dashed
// step line on its own scale and each new version as a labelled tick; always beside it, the same
// points as a text list (score, price, version, reviews), which is what a screen reader reads. DOM APIs
// only (createElementNS + textContent): page data never becomes markup.
import type { Lang } from "../shared/contracts";
import type { Msg } from "../ui/strings";
import { dayText } from "../ui/buyer-values";
import { pointText } from "./format";
import type { ScoredPoint } from "./score";

const SVG_NS = "http://www.w3.org/2000/svg";
const COLOURS = { line: "#0b57d0", visit: "#a4261d", ink: "#4a4f57", grid: "#d5d8dc", price: "#1e7a3c" };

export interface ChartSize { width: number; height: number }
export const POPUP_SIZE: ChartSize = { width: 360, height: 96 };
export const CELL_SIZE: ChartSize = { width: 200, height: 64 };
const PAD = { left: 26, right: 8, top: 8, bottom: 16 };

function node<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = doc.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  return el;
}

function text(doc: Document, x: number, y: number, value: string, anchor: string): SVGTextElement {
  const t = node(doc, "text", { x, y, "font-size": 9, "text-anchor": anchor, fill: COLOURS.ink });
  t.textContent = value;
  return t;
}

/** The price's y on its own scale (min at the bottom, max at the top; one price: the middle). */
export function priceY(points: readonly ScoredPoint[], size: ChartSize): Array<number | null> {
  const prices = points.flatMap((p) => (p.price === null ? [] : [p.price]));
  const [low, high] = [Math.min(...prices), Math.max(...prices)];
  const [top, bottom] = [PAD.top, size.height - PAD.bottom];
  return points.map((p) => {
    if (p.price === null) return null;
    const share = high > low ? (p.price - low) / (high - low) : 0.5;
    return Math.round((bottom - (bottom - top) * share) * 10) / 10;
  });
}

/** x by time (one point: the middle), y by score on a fixed 0-100 axis (scores stay comparable). */
export function chartCoordinates(points: readonly ScoredPoint[], size: ChartSize): Array<{ x: number; y: number | null }> {
  const [first, last] = [points[0]?.at ?? 0, points[points.length - 1]?.at ?? 0];
  const span = last - first;
  const inner = { w: size.width - PAD.left - PAD.right, h: size.height - PAD.top - PAD.bottom };
  return points.map((p) => ({
    x: Math.round((PAD.left + (span > 0 ? ((p.at - first) / span) * inner.w : inner.w / 2)) * 10) / 10,
    y: p.score === null ? null : Math.round((PAD.top + inner.h * (1 - p.score / 100)) * 10) / 10,
  }));
}

export function renderHistoryChart(points: readonly ScoredPoint[], lang: Lang, msg: Msg, size: ChartSize, doc: Document = document): SVGSVGElement {
  const svg = node(doc, "svg", { class: "mp-history-chart", viewBox: `0 0 ${size.width} ${size.height}`, width: size.width, height: size.height, role: "img", focusable: "false" });
  const scores = points.filter((p) => p.score !== null).map((p) => `${dayText(p.date, lang)} ${p.score}`);
  // Never wider than drawn (a table cell's "svg { width: 100% }" would blow it up), narrower when it must.
  svg.setAttribute("style", `width:100%;max-width:${size.width}px;height:auto`);
  svg.setAttribute("aria-label", msg("historyChartLabel", {
    from: dayText(points[0]?.date ?? "", lang), to: dayText(points[points.length - 1]?.date ?? "", lang), scores: scores.join("; ") || msg("historyNoScore"),
  }));
  const base = size.height - PAD.bottom;
  for (const level of [0, 50, 100]) {
    const y = PAD.top + (base - PAD.top) * (1 - level / 100);
    svg.append(node(doc, "line", { x1: PAD.left, x2: size.width - PAD.right, y1: y, y2: y, stroke: COLOURS.grid }), text(doc, PAD.left - 3, y + 3, String(level), "end"));
  }
  const xy = chartCoordinates(points, size);
  const scored = xy.filter((c): c is { x: number; y: number } => c.y !== null);
  if (scored.length > 1) {
    svg.append(node(doc, "polyline", { class: "mp-history-line", points: scored.map((c) => `${c.x},${c.y}`).join(" "), fill: "none", stroke: COLOURS.line, "stroke-width": 1.5 }));
  }
  const py = priceY(points, size);
  const steps: string[] = [];
  let held: number | null = null;
  py.forEach((y, i) => {
    if (y === null || y === undefined) return;
    const x = (xy[i] as { x: number }).x;
    if (held !== null) steps.push(`${x},${held}`); // a price holds until it changes: a step, not a slope
    if (held !== y) steps.push(`${x},${y}`);
    held = y;
  });
  if (steps.length > 1) {
    svg.append(node(doc, "polyline", { class: "mp-history-price", points: steps.join(" "), fill: "none", stroke: COLOURS.price, "stroke-width": 1.2, "stroke-dasharray": "4 3" }));
  }
  points.forEach((p, i) => {
    const before = points[i - 1]?.version;
    if (i === 0 || p.version === null || before === null || before === undefined || before === p.version) return;
    const x = (xy[i] as { x: number }).x;
    const tick = node(doc, "g", { class: "mp-history-release", "data-version": p.version });
    tick.append(node(doc, "line", { x1: x, x2: x, y1: PAD.top, y2: base, stroke: COLOURS.ink, "stroke-dasharray": "1 2" }), text(doc, x - 2, PAD.top + 7, p.version, "end"));
    svg.append(tick);
  });
  points.forEach((p, i) => {
    const c = xy[i] as { x: number; y: number | null };
    const y = c.y ?? base; // unscored: on the axis, so its day still shows
    const mark = p.visited
      ? node(doc, "circle", { cx: c.x, cy: y, r: 3.5, fill: "#fff", stroke: COLOURS.visit, "stroke-width": 1.5 })
      : node(doc, "rect", { x: c.x - 3, y: y - 3, width: 6, height: 6, fill: c.y === null ? COLOURS.grid : COLOURS.line });
    mark.setAttribute("class", `mp-history-point mp-history-${p.visited ? "visit" : "backend"}`);
    mark.setAttribute("data-date", p.date);
    mark.setAttribute("data-score", p.score === null ? "" : String(p.score));
    svg.append(mark);
  });
  if (points.length) {
    svg.append(text(doc, PAD.left, size.height - 3, dayText(points[0]?.date ?? "", lang), "start"));
    if (points.length > 1) svg.append(text(doc, size.width - PAD.right, size.height - 3, dayText(points[points.length - 1]?.date ?? "", lang), "end"));
  }
  return svg;
}

/** The same points as a list, newest first (what changed lately reads first). */
export function historyList(points: readonly ScoredPoint[], lang: Lang, msg: Msg, doc: Document = document, max = points.length): HTMLOListElement {
  const list = doc.createElement("ol");
  list.className = "mp-history-list";
  for (const p of [...points].reverse().slice(0, max)) {
    const li = doc.createElement("li");
    li.dataset.source = p.source;
    li.dataset.date = p.date;
    li.textContent = pointText(p, lang, msg);
    list.append(li);
  }
  return list;
}

/** Chart + list + note in one figure; an empty history says so in words. */
export function historyFigure(points: readonly ScoredPoint[], lang: Lang, msg: Msg, size: ChartSize, doc: Document = document, maxItems?: number): HTMLElement {
  const figure = doc.createElement("figure");
  figure.className = "mp-history";
  const caption = doc.createElement("figcaption");
  caption.textContent = msg("historyTitle");
  figure.append(caption);
  if (points.length === 0) {
    const empty = doc.createElement("p");
    empty.className = "mp-history-empty";
    empty.textContent = msg("historyEmpty");
    figure.append(empty);
    return figure;
  }
  const legend = doc.createElement("p");
  legend.className = "mp-history-legend";
  legend.textContent = msg("historyLegend");
  const note = doc.createElement("p");
  note.className = "mp-history-note";
  note.textContent = msg("historyNote");
  figure.append(renderHistoryChart(points, lang, msg, size, doc), legend, historyList(points, lang, msg, doc, maxItems), note);
  return figure;
}
