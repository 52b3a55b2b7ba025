// The "releases and reviews per month" row of the comparison: part B's timeline chart
// (ui/timeline-chart.ts) per solution, drawn from the stored facts as of the judge date, with the
// same numbers as a visually hidden table. No facts (oversized snapshot): a dash.
import type { Lang } from "../shared/contracts";
import type { ShortlistItem } from "../shared/shortlist";
import { renderTimeline, timelineTable } from "../ui/timeline-chart";

export function timelineCell(items: ShortlistItem[], today: string, lang: Lang, doc: Document = document): (code: string) => Node | null {
  return (code) => {
    const facts = items.find((x) => x.code === code)?.facts;
    if (!facts) return null;
    try {
      const figure = doc.createElement("figure");
      figure.className = "cmp-timeline";
      figure.append(renderTimeline(facts, today, lang, doc), timelineTable(facts, today, lang, doc));
      return figure;
    } catch {
      return null; // a chart problem must not cost the buyer the comparison
    }
  };
}
