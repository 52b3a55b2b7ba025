// Content-script side of the "visit" message. One answer per solution per document: the page
// re-runs on in-page navigation and settings changes, and a second ask would compare the visit
// with the snapshot it has just stored ("nothing changed"), hiding the line the buyer saw.
import { ext } from "../shared/browser-api";
import type { SinceLastVisit } from "./diff";
import { parseVisitReply } from "./messages";
import type { Snapshot } from "./snapshot";

const answered = new Map<string, Promise<SinceLastVisit | null>>();

async function ask(snapshot: Snapshot): Promise<SinceLastVisit | null> {
  try {
    const reply = parseVisitReply(await ext().runtime.sendMessage({ kind: "visit", snapshot }));
    return reply?.since ?? null;
  } catch {
    return null; // worker asleep or reloading: no line this time, never an error in the page
  }
}

export function reportVisit(snapshot: Snapshot): Promise<SinceLastVisit | null> {
  let pending = answered.get(snapshot.code);
  if (!pending) {
    pending = ask(snapshot);
    answered.set(snapshot.code, pending);
  }
  return pending;
}
