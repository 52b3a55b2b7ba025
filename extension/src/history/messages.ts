// Messages between the pages (popup, comparison) and the worker for the history and the shortlist
// changes: only the worker reads the backend (SPEC §9). Both ends validate, as for every message.
import { isObject, isSolutionCode } from "../shared/guards";
import type { ShortlistChange, SolutionChanges } from "./changes";
import type { ScoredPoint } from "./score";
import { isIsoDate } from "../shared/dates";

export type HistoryRequest =
  | { kind: "history"; code: string }
  | { kind: "shortlist-changes" }
  | { kind: "shortlist-seen"; ids: string[] };

export interface HistoryReply { ok: true; points: ScoredPoint[] }
export interface ChangesReply { ok: true; solutions: SolutionChanges[]; unseen: string[] }

const MAX_IDS = 400;
const isText = (v: unknown, max: number): v is string => typeof v === "string" && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
const orNull = <T>(v: unknown, ok: (x: unknown) => x is T): v is T | null => v === null || ok(v);

export function parseHistoryRequest(msg: unknown): HistoryRequest | null {
  if (!isObject(msg)) return null;
  if (msg.kind === "history") return isSolutionCode(msg.code) ? { kind: "history", code: msg.code } : null;
  if (msg.kind === "shortlist-changes") return { kind: "shortlist-changes" };
  if (msg.kind === "shortlist-seen" && Array.isArray(msg.ids) && msg.ids.length <= MAX_IDS && msg.ids.every((id) => isText(id, 200))) {
    return { kind: "shortlist-seen", ids: msg.ids as string[] };
  }
  return null;
}

function isPoint(v: unknown): v is ScoredPoint {
  return isObject(v) && isIsoDate(v.date) && typeof v.at === "number" && Number.isFinite(v.at)
    && (v.source === "backend" || v.source === "visit") && typeof v.visited === "boolean"
    && orNull(v.price, isCount) && orNull(v.reviews_total, isCount)
    && orNull(v.version, (x): x is string => isText(x, 40)) && orNull(v.score, isCount);
}

export function parseHistoryReply(msg: unknown): ScoredPoint[] | null {
  if (!isObject(msg) || msg.ok !== true || !Array.isArray(msg.points) || msg.points.length > 100) return null;
  return msg.points.every(isPoint) ? (msg.points as ScoredPoint[]) : null;
}

function isChange(v: unknown): v is ShortlistChange {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case "release":
      return isText(v.from, 40) && isText(v.to, 40);
    case "negative_review":
      return isIsoDate(v.date) && isCount(v.stars);
    case "price":
      return isCount(v.from) && isCount(v.to);
    case "withdrawn":
      return true;
    default:
      return false;
  }
}

function isSolution(v: unknown): v is SolutionChanges {
  return isObject(v) && isSolutionCode(v.code) && isText(v.name, 300)
    && Array.isArray(v.changes) && v.changes.length <= 20 && v.changes.every(isChange);
}

export function parseChangesReply(msg: unknown): ChangesReply | null {
  if (!isObject(msg) || msg.ok !== true || !Array.isArray(msg.solutions) || !Array.isArray(msg.unseen)) return null;
  if (msg.solutions.length > 20 || !msg.solutions.every(isSolution)) return null;
  if (msg.unseen.length > MAX_IDS || !msg.unseen.every((id) => isText(id, 200))) return null;
  return { ok: true, solutions: msg.solutions as SolutionChanges[], unseen: msg.unseen as string[] };
}
