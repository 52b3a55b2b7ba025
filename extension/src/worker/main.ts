// Background entry: Chromium service worker / Firefox background script. Listeners are
// registered synchronously at top level, as MV3 requires for a stopped worker to be woken.
import { ext } from "../shared/browser-api";
import { parseWorkerRequest, type BatchReply, type EnrichReply, type WorkerRequest } from "../shared/messages";
import { loadSettings } from "../shared/settings";
import { parseVisitRequest, type VisitReply, type VisitRequest } from "../snapshots/messages";
import { pruneSnapshots } from "../snapshots/store";
import { pruneCache } from "./cache";
import { listingBatch } from "./batch";
import { fetchEnrichment } from "./enrich";
import { recordVisit } from "./visit";
import { parseHistoryRequest } from "../history/messages";
import { afterVisit, installActionBadge } from "./action-badge";
import { pruneTrails } from "../history/trail";
import { handleHistory } from "./history-handler";

async function handle(request: WorkerRequest): Promise<EnrichReply | BatchReply> {
  try {
    // Inside the try: a storage failure must still answer, or the page waits on sendResponse forever.
    const settings = await loadSettings();
    // Data only: the page merges it and scores once (issue 11 point 5).
    if (request.kind === "enrich") return { ok: true, enrichment: await fetchEnrichment(request, settings) };
    return await listingBatch(request.items, settings, request.listingUrl);
  } catch (err) {
    console.debug("mpcheck worker:", err instanceof Error ? err.message : err);
    return { ok: false, reason: "backend_unavailable" }; // the page keeps its own facts and says so
  }
}

async function handleVisit(visit: VisitRequest): Promise<VisitReply> {
  try {
    const since = await recordVisit(visit.snapshot, await loadSettings());
    void afterVisit(visit.snapshot).catch(() => undefined); // history trail, seen changes, icon count
    return { ok: true, since };
  } catch (err) {
    console.debug("mpcheck worker: visit", err instanceof Error ? err.message : err);
    return { ok: true, since: null }; // storage failed: the page simply shows no line
  }
}

ext().runtime.onMessage.addListener((msg: unknown, sender, sendResponse) => {
  // Only our own extension's contexts; web pages cannot reach runtime.onMessage, but be explicit.
  if (sender.id !== ext().runtime.id) return false;
  const visit = parseVisitRequest(msg);
  if (visit) {
    void handleVisit(visit).then(sendResponse);
    return true;
  }
  const history = parseHistoryRequest(msg);
  if (history) {
    void handleHistory(history).then(sendResponse);
    return true;
  }
  const request = parseWorkerRequest(msg);
  if (!request) return false;
  void handle(request).then(sendResponse);
  return true; // keep the channel open: sendResponse is async (works in Chromium and Firefox)
});

function prune(): void {
  void pruneCache();
  void pruneSnapshots();
  void pruneTrails();
}

ext().runtime.onStartup?.addListener(prune);
installActionBadge();
ext().runtime.onInstalled?.addListener(prune);
