// Content script entry on /solutions/*, /partners/*, /search/*. Injected at document_start so the
// bundle is loaded and compiled while the page is still parsing, then it waits for
// DOMContentLoaded and for the page to settle (page-settled.ts: its load event, or a short
// deadline): document_idle (and even document_end) started it 40-100 ms after DOMContentLoaded in
// Chromium 156, against a badge budget of 100 ms (SPEC §10). Decides by URL alone whether there is
// anything to do, so other Marketplace pages cost one regex test.
import { ext } from "../shared/browser-api";
import { detectPageType } from "../shared/page-type";
import { BADGE_TAG } from "../ui/badge";
import { CARD_MARK } from "./listing-page";
import { startEnv } from "./env";
import { answerCardRequests, runListingPage } from "./listing-page";
import { observeContent } from "./observer";
import { LISTING_SETTLE_DEADLINE_MS, pageSettled, SETTLE_DEADLINE_MS } from "./page-settled";
import { currentFacts, listenForPopup } from "./page-state";
import { contentRoot } from "./placement";
import { removeFullBadge, SolutionPage } from "./solution-page";
import { listenForStructureRequests } from "./structure-request";

const solutionPage = new SolutionPage(document);

/** `fresh`: the settings changed, so a run still before its first paint is stale too. */
async function runForCurrentUrl(fresh = false): Promise<void> {
  const url = location.href;
  const type = detectPageType(url);
  if (type === "solution") {
    await (fresh ? solutionPage.restart(url, startEnv()) : solutionPage.run(url, startEnv()));
  } else if (type === "listing") {
    await runListingPage(document, url, startEnv());
  } else {
    removeFullBadge(document); // in-page navigation left a solution page
  }
}

/** Settings changed in the options page: drop every badge so the next run re-scores with them. */
function resetBadges(): void {
  document.querySelectorAll(BADGE_TAG).forEach((badge) => badge.remove());
  document.querySelectorAll(`[${CARD_MARK}]`).forEach((card) => card.removeAttribute(CARD_MARK));
}

function start(): void {
  const type = detectPageType(location.href);
  if (type !== "solution" && type !== "listing") return;
  listenForPopup();
  if (type === "listing") answerCardRequests();
  listenForStructureRequests(currentFacts);
  performance.mark("mpcheck:start");
  const run = (fresh = false) => void runForCurrentUrl(fresh).catch((err) => console.debug("mpcheck:", err));
  void pageSettled(window, type === "listing" ? LISTING_SETTLE_DEADLINE_MS : SETTLE_DEADLINE_MS).then(() => {
    run();
    const root = contentRoot(document);
    if (root) observeContent(root, () => run());
    ext().storage.onChanged.addListener((changes, area) => {
      if (area !== "local" || !("settings" in changes)) return;
      resetBadges();
      run(true);
    });
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
