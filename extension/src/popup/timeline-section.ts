// The releases/reviews timeline in the popup: the SVG for sighted readers, the same numbers as a
// visually hidden table for screen readers (the SVG itself is one role="img").
import type { FactsView, Lang } from "../shared/contracts";
import { renderTimeline, timelineTable } from "../ui/timeline-chart";

export function timelineSection(doc: Document, facts: FactsView, today: string, lang: Lang): HTMLElement {
  const figure = doc.createElement("figure");
  figure.className = "mp-timeline-figure";
  figure.append(renderTimeline(facts, today, lang, doc), timelineTable(facts, today, lang, doc));
  return figure;
}
