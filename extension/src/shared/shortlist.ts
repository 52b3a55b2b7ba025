// The comparison shortlist in storage.local (survives restarts; never leaves the browser, SPEC §9).
// This module is the one reader/writer, so the badge, the popup, the catalog cards and the
// comparison page agree on the shape; everything read back is validated (storage is a trust
// boundary: an older build or another context may have written it).
import type { FactsView, Report } from "./contracts";
import { ext } from "./browser-api";
import { isFacts, isObject, isReport, isSolutionCode } from "./guards";
import { baselineOf, coerceBaseline, type Baseline } from "../history/changes";
import { isIsoDate } from "./dates";

export const SHORTLIST_KEY = "shortlist";
export const SHORTLIST_MAX = 8;
/** One entry's snapshot beyond this (JSON chars) keeps the report only: storage.local is ~10 MB. */
const MAX_SNAPSHOT_CHARS = 250_000;
const MAX_NAME = 300;

export type SolutionKind = "module" | "site" | null;

export interface ShortlistItem {
  code: string;
  name: string;
  url: string;
  kind: SolutionKind;
  /** YYYY-MM-DD the buyer added it. */
  added: string;
  /** YYYY-MM-DD the facts and report below were taken (refreshed on every later visit). */
  captured: string;
  facts: FactsView | null;
  report: Report | null;
  /**
   * The few facts as they were when the buyer added it (kept across refreshes): the "since added"
   * side of «Что изменилось в сравнении» (history/changes.ts). Absent in entries older than it.
   */
  baseline?: Baseline | null;
}

export type AddResult = "added" | "already" | "full";
export type ToggleResult = AddResult | "removed";

function kindOf(v: unknown): SolutionKind {
  return v === "module" || v === "site" ? v : null;
}

/** The entry with its baseline when it has one (older entries keep their old shape). */
function withBaseline(item: ShortlistItem, baseline: Baseline | null | undefined): ShortlistItem {
  return baseline ? { ...item, baseline } : item;
}

function coerceItem(raw: unknown): ShortlistItem | null {
  if (!isObject(raw) || !isSolutionCode(raw.code) || typeof raw.url !== "string" || raw.url.length > 2048) return null;
  const added = isIsoDate(raw.added) ? raw.added : "";
  const captured = isIsoDate(raw.captured) ? raw.captured : added;
  const facts = isFacts(raw.facts) ? raw.facts : null;
  return withBaseline({
    code: raw.code,
    name: typeof raw.name === "string" && raw.name.trim() ? raw.name.slice(0, MAX_NAME) : raw.code,
    url: raw.url,
    kind: kindOf(raw.kind ?? facts?.kind),
    added,
    captured,
    facts,
    report: isReport(raw.report) ? raw.report : null,
  }, coerceBaseline(raw.baseline));
}

export function coerceShortlist(raw: unknown): ShortlistItem[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const out: ShortlistItem[] = [];
  for (const entry of raw) {
    const item = coerceItem(entry);
    if (!item || seen.has(item.code)) continue;
    seen.add(item.code);
    out.push(item);
  }
  return out.slice(0, SHORTLIST_MAX);
}

/** The entry for a scored solution page or catalog card. */
export function shortlistItem(facts: FactsView, report: Report | null, today: string, code = facts.code ?? ""): ShortlistItem {
  const item: ShortlistItem = {
    code,
    name: (facts.name ?? code).slice(0, MAX_NAME),
    url: facts.url,
    kind: kindOf(facts.kind),
    added: today,
    captured: today,
    facts,
    report,
    baseline: baselineOf(facts, today),
  };
  return JSON.stringify(item).length > MAX_SNAPSHOT_CHARS ? { ...item, facts: null } : item;
}

/** Pure core: returns the new list and what happened. */
export function addToList(list: ShortlistItem[], item: ShortlistItem): { list: ShortlistItem[]; result: AddResult } {
  if (list.some((x) => x.code === item.code)) return { list, result: "already" };
  if (list.length >= SHORTLIST_MAX) return { list, result: "full" };
  return { list: [...list, item], result: "added" };
}

export function removeFromList(list: ShortlistItem[], code: string): ShortlistItem[] {
  return list.filter((x) => x.code !== code);
}

/** A newer snapshot of an entry already on the list (keeps its position and `added`). */
export function refreshInList(list: ShortlistItem[], item: ShortlistItem): ShortlistItem[] {
  // The baseline stays the one from when it was added: "what changed since added" needs it.
  return list.map((x) => {
    if (x.code !== item.code) return x;
    const refreshed: ShortlistItem = { ...item, added: x.added || item.added };
    delete refreshed.baseline;
    return withBaseline(refreshed, x.baseline);
  });
}

export async function loadShortlist(): Promise<ShortlistItem[]> {
  const got = await ext().storage.local.get(SHORTLIST_KEY);
  return coerceShortlist(got[SHORTLIST_KEY]);
}

// Read-modify-write calls from one context run one after another (a double click must not lose
// an entry). Two contexts writing in the same instant can still race; the last write wins.
let queue: Promise<unknown> = Promise.resolve();

function update<T>(change: (list: ShortlistItem[]) => { list: ShortlistItem[] | null; result: T }): Promise<T> {
  const run = queue.then(async () => {
    const { list, result } = change(await loadShortlist());
    if (list) await ext().storage.local.set({ [SHORTLIST_KEY]: list });
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

export function addToShortlist(item: ShortlistItem): Promise<AddResult> {
  return update((current) => {
    const { list, result } = addToList(current, item);
    return { list: result === "added" ? list : null, result };
  });
}

/** The compare control: adds when absent, removes when present. */
export function toggleShortlist(item: ShortlistItem): Promise<ToggleResult> {
  return update<ToggleResult>((current) => {
    if (current.some((x) => x.code === item.code)) return { list: removeFromList(current, item.code), result: "removed" };
    const { list, result } = addToList(current, item);
    return { list: result === "added" ? list : null, result };
  });
}

export function removeFromShortlist(code: string): Promise<void> {
  return update((current) => ({ list: removeFromList(current, code), result: undefined }));
}

export function clearShortlist(): Promise<void> {
  return update(() => ({ list: [], result: undefined }));
}

/** Keeps "the last facts + report" current: called whenever a listed solution is scored again. */
export function refreshShortlistEntry(item: ShortlistItem): Promise<boolean> {
  return update((current) => {
    const listed = current.some((x) => x.code === item.code);
    return { list: listed ? refreshInList(current, item) : null, result: listed };
  });
}

/** Calls back with the new list whenever any context changes it. */
export function onShortlistChanged(callback: (list: ShortlistItem[]) => void): void {
  ext().storage.onChanged.addListener((changes, area) => {
    if (area === "local" && SHORTLIST_KEY in changes) callback(coerceShortlist(changes[SHORTLIST_KEY]?.newValue));
  });
}
