// The "visit" message: the content script reports this page view's snapshot, the worker answers
// with what changed since the previous one (it alone may ask the backend, SPEC §9). Both ends
// validate, as for every message (shared/messages.ts).
import { isObject } from "../shared/guards";
import type { Change, SinceLastVisit } from "./diff";
import { coerceSnapshot, type Snapshot } from "./snapshot";

export interface VisitRequest { kind: "visit"; snapshot: Snapshot }
export interface VisitReply { ok: true; since: SinceLastVisit | null }

const MAX_STEPS = 50;

export function parseVisitRequest(msg: unknown): VisitRequest | null {
  if (!isObject(msg) || msg.kind !== "visit") return null;
  const snapshot = coerceSnapshot(msg.snapshot);
  return snapshot ? { kind: "visit", snapshot } : null;
}

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
const isShortText = (v: unknown): v is string => typeof v === "string" && v.length <= 40;

function isChange(v: unknown): v is Change {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case "reviews":
    case "comments":
      return isCount(v.delta);
    case "version":
      return isShortText(v.from) && isShortText(v.to) && Array.isArray(v.between)
        && v.between.length <= MAX_STEPS && v.between.every(isShortText);
    case "price":
      return Array.isArray(v.path) && v.path.length >= 2 && v.path.length <= MAX_STEPS && v.path.every(isCount);
    case "score":
      return isCount(v.from) && isCount(v.to);
    default:
      return false;
  }
}

/** A SinceLastVisit from a message, or null for anything else (including "nothing to say"). */
export function parseSince(v: unknown): SinceLastVisit | null {
  if (!isObject(v) || typeof v.since !== "string" || Number.isNaN(Date.parse(v.since))) return null;
  if (!Array.isArray(v.changes) || v.changes.length > 10 || !v.changes.every(isChange)) return null;
  return { since: v.since, changes: v.changes };
}

export function parseVisitReply(msg: unknown): VisitReply | null {
  return isObject(msg) && msg.ok === true ? { ok: true, since: parseSince(msg.since) } : null;
}
