// The only bridge from the content script to the DOM extractor (extension/src/extract, its own
// module): the rest of the shell works with the structural FactsView.
import { extractListingCards, extractSolutionInSteps } from "../extract";
import type { FactsView } from "../shared/contracts";

export interface CardFacts {
  code: string;
  element: Element;
  facts: Record<string, unknown>;
}

/** A solution page's facts, read in steps with `pause()` between them (no long task on the page). */
export async function readSolutionFactsInSteps(doc: Document, url: string, pause: () => Promise<void>): Promise<FactsView> {
  return (await extractSolutionInSteps(doc, url, pause)) as unknown as FactsView;
}

export function readListingCards(doc: Document, url: string): CardFacts[] {
  return extractListingCards(doc, url).map((card) => ({
    code: card.code,
    element: card.element,
    facts: card.facts as unknown as Record<string, unknown>,
  }));
}
