// The releases/reviews timeline in the popup: the SVG for sighted readers, the same numbers as a
// visually hidden table for screen readers (the SVG itself is one role="img"). Under it, the
// solution's history (score, price, version, reviews by day: history/chart.ts), filled in when the
// worker answers; the popup re-renders often, so the answer is asked once and reused.
import type { FactsView, Lang } from "../shared/contracts";
import { requestHistory } from "../history/client";
import { historyFigure, POPUP_SIZE } from "../history/chart";
import { renderTimeline, timelineTable } from "../ui/timeline-chart";
import { browserMsg, type Msg } from "../ui/strings";

export function timelineSection(doc: Document, facts: FactsView, today: string, lang: Lang, msg: Msg = browserMsg): HTMLElement {
  const figure = doc.createElement("figure");
  figure.className = "mp-timeline-figure";
  figure.append(renderTimeline(facts, today, lang, doc), timelineTable(facts, today, lang, doc));
  if (!facts.code) return figure;
  const slot = doc.createElement("div");
  slot.className = "mp-history-slot";
  figure.append(slot);
  void requestHistory(facts.code).then((points) => slot.replaceChildren(historyFigure(points, lang, msg, POPUP_SIZE, doc)));
  return figure;
}
