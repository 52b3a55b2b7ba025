// Content script entry (document_idle on /solutions/*, /partners/*, /search/*). Decides by URL
// alone whether there is anything to do, so other Marketplace pages cost one regex test.
import { detectPageType } from "../shared/page-type";
import { loadEnv } from "./env";
import { runListingPage } from "./listing-page";
import { observeContent } from "./observer";
import { listenForPopup } from "./page-state";
import { contentRoot } from "./placement";
import { existingFullBadge, runSolutionPage } from "./solution-page";

async function runForCurrentUrl(): Promise<void> {
  const url = location.href;
  const type = detectPageType(url);
  if (type === "solution") {
    await runSolutionPage(document, url, await loadEnv());
  } else if (type === "listing") {
    await runListingPage(document, url, await loadEnv());
  } else {
    existingFullBadge(document)?.remove(); // in-page navigation left a solution page
  }
}

function start(): void {
  const type = detectPageType(location.href);
  if (type !== "solution" && type !== "listing") return;
  listenForPopup();
  const run = () => void runForCurrentUrl().catch((err) => console.debug("mpcheck:", err));
  run();
  const root = contentRoot(document);
  if (root) observeContent(root, run);
}

start();
