// Structural checks for data crossing a trust boundary (messages, storage, backend JSON).
// Hand-written on purpose: ajv compiles validators with `new Function`, which the extension CSP
// (script-src 'self') forbids, and these shapes are small.
import { CRITERIA, STATUSES, type CriterionReport, type FactsView, type Report, type Status } from "./contracts";

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function isStatus(v: unknown): v is Status {
  return typeof v === "string" && (STATUSES as readonly string[]).includes(v);
}

function isLocalized(v: unknown): boolean {
  return isObject(v) && typeof v.ru === "string" && typeof v.en === "string";
}

function isCriterion(v: unknown): v is CriterionReport {
  return (
    isObject(v) &&
    typeof v.id === "string" && (CRITERIA as readonly string[]).includes(v.id) &&
    isStatus(v.status) &&
    Array.isArray(v.evidence) &&
    isLocalized(v.message) && isLocalized(v.check_yourself)
  );
}

export function isReport(v: unknown): v is Report {
  return (
    isObject(v) &&
    v.schema === "mpcheck.report/1" &&
    (v.score === null || (typeof v.score === "number" && Number.isFinite(v.score))) &&
    typeof v.coverage === "number" && v.coverage >= 0 && v.coverage <= 1 &&
    isObject(v.headline) && isStatus(v.headline.status) &&
    Array.isArray(v.criteria) && v.criteria.length <= CRITERIA.length && v.criteria.every(isCriterion)
  );
}

const CODE = /^[a-z0-9_]+\.[a-z0-9_]+$/;

export function isSolutionCode(v: unknown): v is string {
  return typeof v === "string" && v.length <= 100 && CODE.test(v);
}

export function isFacts(v: unknown): v is FactsView {
  return (
    isObject(v) &&
    v.schema === "mpcheck.facts/1" &&
    typeof v.url === "string" && v.url.length <= 2048 &&
    (v.code === null || isSolutionCode(v.code)) &&
    (v.partner === null || v.partner === undefined || isObject(v.partner))
  );
}
