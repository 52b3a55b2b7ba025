// The "releases and reviews per month" row of the comparison: part B's timeline chart
// (ui/timeline-chart.ts) per solution, drawn from the stored facts as of the judge date, with the
// same numbers as a visually hidden table; under it a compact history (score, price, version,
// reviews by day, history/chart.ts), filled in when the worker answers. No facts: a dash.
import type { Lang } from "../shared/contracts";
import type { ShortlistItem } from "../shared/shortlist";
import { requestHistory } from "../history/client";
import { CELL_SIZE, historyFigure } from "../history/chart";
import { renderTimeline, timelineTable } from "../ui/timeline-chart";
import { browserMsg, type Msg } from "../ui/strings";

/** The compact cell lists the newest points only; the chart shows them all. */
const CELL_ITEMS = 4;

export function timelineCell(items: ShortlistItem[], today: string, lang: Lang, doc: Document = document, msg: Msg = browserMsg): (code: string) => Node | null {
  return (code) => {
    const facts = items.find((x) => x.code === code)?.facts;
    if (!facts) return null;
    try {
      const figure = doc.createElement("figure");
      figure.className = "cmp-timeline";
      figure.append(renderTimeline(facts, today, lang, doc), timelineTable(facts, today, lang, doc));
      const slot = doc.createElement("div");
      slot.className = "cmp-history";
      figure.append(slot);
      void requestHistory(code).then((points) => slot.replaceChildren(historyFigure(points, lang, msg, CELL_SIZE, doc, CELL_ITEMS)));
      return figure;
    } catch {
      return null; // a chart problem must not cost the buyer the comparison
    }
  };
}
