// The typed message protocol: content <-> worker <-> popup. Every receiver validates with
// `parse*` before acting, because runtime.onMessage delivers whatever any extension context sent.
import { parseSince } from "../snapshots/messages";
import type { SinceLastVisit } from "../snapshots/diff";
import type { FactsView, Report } from "./contracts";
import { parseEnrichment, type Enrichment } from "./enrichment";
import { isFacts, isObject, isReport, isSolutionCode } from "./guards";
import { detectPageType } from "./page-type";

export const MAX_BATCH = 100;

/** Whether the backend-only facts (partner rating etc.) made it into the report. */
export type PartnerStatus = "pending" | "ok" | "unavailable";
export type BadgeState = "loading" | "ready" | "error";

/**
 * A solution page asks for what it lacks, by the two keys the backend needs (SPEC §9: nothing else
 * of the page leaves the browser); the answer is data, the page scores it (shared/enrichment.ts).
 */
export interface EnrichRequest { kind: "enrich"; code: string | null; partnerId: number }

/**
 * A listing page's cards, and the page's URL (no fragment; null when it is not a listing URL the
 * backend accepts): the backend reads that listing's own XML feed once per URL and TTL to fill
 * what the cards lack (POST /score/batch `listing_url`).
 */
export interface BatchRequest { kind: "score-batch"; items: FactsView[]; listingUrl: string | null }

export type WorkerRequest = EnrichRequest | BatchRequest;

export type EnrichReply =
  | { ok: true; enrichment: Enrichment }
  | { ok: false; reason: "backend_unavailable" | "bad_request" };


/** How old the backend's stored read of a card's solution is (POST /score/batch `stored`). */
export interface StoredRead { read_at: string; age_seconds: number | null }

/**
 * `facts`: each card merged with the backend's stored read of its solution (null: the card as
 * sent); the page scores those itself, with the buyer's checks (shared/score-facts.ts).
 */
export type BatchReply =
  | { ok: true; reports: Array<Report | null>; facts: Array<FactsView | null>; stored: Array<StoredRead | null> }
  | { ok: false; reason: "backend_unavailable" | "bad_request" };

export type ContentRequest = { kind: "report-get" };

export interface ReportState {
  state: BadgeState;
  report: Report | null;
  facts: FactsView | null;
  partner: PartnerStatus;
  /** What changed since the buyer's previous visit to this solution (null: first visit / nothing). */
  since?: SinceLastVisit | null;
}

export const MAX_LISTING_URL = 2048; // the backend's limit (marketplace/listing_feed.py)

/** The listing page's URL without its fragment, or null: an odd one costs the feed, not the batch. */
export function listingUrl(url: unknown): string | null {
  if (typeof url !== "string" || url.length > MAX_LISTING_URL || detectPageType(url) !== "listing") return null;
  return url.split("#")[0] ?? null;
}

export function parseWorkerRequest(msg: unknown): WorkerRequest | null {
  if (!isObject(msg)) return null;
  if (msg.kind === "enrich") {
    const { code, partnerId } = msg;
    const codeOk = code === null || isSolutionCode(code);
    if (!codeOk || typeof partnerId !== "number" || !Number.isSafeInteger(partnerId) || partnerId <= 0) return null;
    return { kind: "enrich", code: code as string | null, partnerId };
  }
  if (
    msg.kind === "score-batch" &&
    Array.isArray(msg.items) && msg.items.length > 0 && msg.items.length <= MAX_BATCH &&
    msg.items.every(isFacts)
  ) {
    return { kind: "score-batch", items: msg.items, listingUrl: listingUrl(msg.listingUrl) };
  }
  return null;
}

export function parseContentRequest(msg: unknown): ContentRequest | null {
  return isObject(msg) && msg.kind === "report-get" ? { kind: "report-get" } : null;
}

export function parseEnrichReply(msg: unknown): EnrichReply | null {
  if (!isObject(msg)) return null;
  const enrichment = msg.ok === true ? parseEnrichment(msg.enrichment) : null;
  if (enrichment) return { ok: true, enrichment };
  if (msg.ok === false && (msg.reason === "backend_unavailable" || msg.reason === "bad_request")) {
    return { ok: false, reason: msg.reason };
  }
  return null;
}

function parseStoredRead(v: unknown): StoredRead | null {
  if (!isObject(v) || typeof v.read_at !== "string" || v.read_at.length > 40) return null;
  const age = v.age_seconds;
  return { read_at: v.read_at, age_seconds: typeof age === "number" && Number.isFinite(age) && age >= 0 ? age : null };
}

export function parseBatchReply(msg: unknown): BatchReply | null {
  if (!isObject(msg)) return null;
  if (msg.ok === true && Array.isArray(msg.reports) && msg.reports.length <= MAX_BATCH) {
    const n = msg.reports.length;
    // an older backend sends reports only: the cards then keep their own facts
    const facts = Array.isArray(msg.facts) && msg.facts.length === n ? msg.facts : [];
    const stored = Array.isArray(msg.stored) && msg.stored.length === n ? msg.stored : [];
    return {
      ok: true,
      reports: msg.reports.map((r) => (isReport(r) ? r : null)),
      facts: msg.reports.map((_, i) => (isFacts(facts[i]) ? facts[i] : null)),
      stored: msg.reports.map((_, i) => parseStoredRead(stored[i])),
    };
  }
  if (msg.ok === false && (msg.reason === "backend_unavailable" || msg.reason === "bad_request")) {
    return { ok: false, reason: msg.reason };
  }
  return null;
}

export function parseReportState(msg: unknown): ReportState | null {
  if (!isObject(msg)) return null;
  const states = ["loading", "ready", "error"];
  const partners = ["pending", "ok", "unavailable"];
  if (typeof msg.state !== "string" || !states.includes(msg.state)) return null;
  if (typeof msg.partner !== "string" || !partners.includes(msg.partner)) return null;
  const report = isReport(msg.report) ? msg.report : null;
  const facts = isFacts(msg.facts) ? msg.facts : null;
  const since = parseSince(msg.since);
  return { state: msg.state as BadgeState, report, facts, partner: msg.partner as PartnerStatus, since };
}
