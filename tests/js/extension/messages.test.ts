import { describe, expect, it } from "vitest";
import {
  MAX_BATCH, parseBatchReply, parseContentRequest, parseEnrichReply, parseReportState, parseWorkerRequest,
} from "../../../extension/src/shared/messages";
import { isReport } from "../../../extension/src/shared/guards";
import { completeFacts } from "../../../extension/src/shared/facts-skeleton";
import { sampleReport } from "./fixtures";

const facts = completeFacts({ name: "NordLab", partner: { id: 731204, name: "NordLab" } }, "nordlab.smartseo");

describe("worker requests", () => {
  it("accepts an enrich request by code and partner id only", () => {
    const request = { kind: "enrich", code: "nordlab.smartseo", partnerId: 731204 };
    expect(parseWorkerRequest(request)).toEqual(request);
    expect(parseWorkerRequest({ ...request, code: null })).toEqual({ ...request, code: null });
    // whatever else a sender adds (the page's facts) is not passed on to the worker's fetches
    expect(parseWorkerRequest({ ...request, facts })).toEqual(request);
  });
  it.each([
    ["null", null],
    ["string", "enrich"],
    ["unknown kind", { kind: "fetch", url: "https://evil.example/" }],
    ["keys missing", { kind: "enrich" }],
    ["the old facts-only request", { kind: "enrich", facts }],
    ["code with a path", { kind: "enrich", code: "../../admin", partnerId: 7 }],
    ["code with a query", { kind: "enrich", code: "a.b?x=1", partnerId: 7 }],
    ["partner id as text", { kind: "enrich", code: "a.b", partnerId: "7" }],
    ["partner id not positive", { kind: "enrich", code: "a.b", partnerId: 0 }],
    ["partner id fractional", { kind: "enrich", code: "a.b", partnerId: 7.5 }],
    ["empty batch", { kind: "score-batch", items: [] }],
    ["batch too large", { kind: "score-batch", items: Array(MAX_BATCH + 1).fill(facts) }],
    ["batch with junk", { kind: "score-batch", items: [facts, { schema: "x" }] }],
  ])("rejects %s", (_name, msg) => {
    expect(parseWorkerRequest(msg)).toBeNull();
  });
  it("accepts a batch", () => {
    expect(parseWorkerRequest({ kind: "score-batch", items: [facts, facts] })?.kind).toBe("score-batch");
  });
});

describe("replies", () => {
  it("takes data, never a report, from an enrich reply, checked", () => {
    const enrichment = {
      partner: { rating_position: 12, rating_total: 300, status: "Gold", specialization: "software", junk: "<b>" },
      lookups: { backend: "ok", partner_rating: "found" },
      history: [{ version: "1.2.0", date: "2026-11-01", chars: 40 }],
    };
    expect(parseEnrichReply({ ok: true, enrichment })).toEqual({
      ok: true,
      enrichment: { ...enrichment, partner: { rating_position: 12, rating_total: 300, status: "Gold", specialization: "software" } },
    });
    expect(parseEnrichReply({ ok: true, enrichment: { ...enrichment, history: null } })?.ok).toBe(true);
    // the old reply (a report scored in the worker) is no longer accepted
    expect(parseEnrichReply({ ok: true, report: sampleReport(), facts })).toBeNull();
    expect(parseEnrichReply({ ok: true, enrichment: { ...enrichment, lookups: { backend: "maybe", partner_rating: null } } })).toBeNull();
    expect(parseEnrichReply({ ok: true, enrichment: { ...enrichment, history: [{ version: "1", date: "01.11.2026" }] } })).toBeNull();
    expect(parseEnrichReply({ ok: true, enrichment: { ...enrichment, partner: null } })).toBeNull();
    expect(parseEnrichReply({ ok: false, reason: "backend_unavailable" })).toEqual({ ok: false, reason: "backend_unavailable" });
    expect(parseEnrichReply({ ok: false, reason: "<script>" })).toBeNull();
  });
  it("nulls invalid reports in a batch reply instead of failing all cards", () => {
    const reply = parseBatchReply({ ok: true, reports: [sampleReport(), { junk: 1 }] });
    // an older backend sends no merged facts nor stored reads: the cards keep their own
    expect(reply).toEqual({ ok: true, reports: [sampleReport(), null], facts: [null, null], stored: [null, null] });
  });
  it("takes the merged facts and the stored read's age per card, checked", () => {
    const reply = parseBatchReply({
      ok: true, reports: [sampleReport(), sampleReport()], facts: [facts, { schema: "other" }],
      stored: [{ read_at: "2026-11-27T09:00:00Z", age_seconds: 120 }, { read_at: 5 }],
    });
    expect(reply).toEqual({
      ok: true, reports: [sampleReport(), sampleReport()], facts: [facts, null],
      stored: [{ read_at: "2026-11-27T09:00:00Z", age_seconds: 120 }, null],
    });
    const short = parseBatchReply({ ok: true, reports: [sampleReport()], facts: [facts, facts] });
    expect(short).toMatchObject({ facts: [null] }); // arrays of the wrong length are not matched up
  });
  it("checks the popup <-> content protocol", () => {
    expect(parseContentRequest({ kind: "report-get" })).toEqual({ kind: "report-get" });
    expect(parseContentRequest({ kind: "enrich" })).toBeNull();
    const state = parseReportState({ state: "ready", report: sampleReport(), facts, partner: "ok" });
    expect(state?.report?.score).toBe(78);
    expect(parseReportState({ state: "weird", partner: "ok" })).toBeNull();
  });
});

describe("isReport", () => {
  it("rejects unknown criteria and statuses", () => {
    const r = sampleReport();
    expect(isReport(r)).toBe(true);
    expect(isReport({ ...r, criteria: [{ ...r.criteria[0], id: "hack" }] })).toBe(false);
    expect(isReport({ ...r, criteria: [{ ...r.criteria[0], status: "great" }] })).toBe(false);
    expect(isReport({ ...r, score: "78" })).toBe(false);
    expect(isReport({ ...r, score: null })).toBe(true);
  });
});
