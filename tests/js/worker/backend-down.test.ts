// One rule for "the backend is down" (worker/backend-down.ts), used by the listing batch, the
// enrichment and the history alike: no answer or a 5xx marks it down for a minute, a 4xx does not.
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BackendUnavailable } from "../../../extension/src/worker/backend-client";
import { backendLooksDown, failureMeansDown } from "../../../extension/src/worker/backend-down";
import { listingBatch } from "../../../extension/src/worker/batch";
import { historyBody } from "../../../extension/src/worker/history";
import type { Settings } from "../../../extension/src/shared/settings";
import { installFakeBrowser } from "../buyer/fake-browser";

// The build's virtual rules module (worker/history.ts scores with the rules), read from shared_rules.
vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});

const answer = (status: number) => vi.fn(async () => new Response("{}", { status }));
const noAnswer = () => vi.fn(async () => { throw new TypeError("Failed to fetch"); });
const settingsFor = (base: string) => ({ backendUrl: base }) as unknown as Settings;

afterEach(() => vi.unstubAllGlobals());

describe("failureMeansDown", () => {
  it("is true without an answer and for a server error, false for a client error", () => {
    expect(failureMeansDown(new BackendUnavailable("HTTP 404 for /x", 404))).toBe(false);
    expect(failureMeansDown(new BackendUnavailable("HTTP 429 for /x", 429))).toBe(false);
    expect(failureMeansDown(new BackendUnavailable("HTTP 500 for /x", 500))).toBe(true);
    expect(failureMeansDown(new BackendUnavailable("HTTP 503 for /x", 503))).toBe(true);
    expect(failureMeansDown(new BackendUnavailable("This operation was aborted"))).toBe(true);
    expect(failureMeansDown(new TypeError("Failed to fetch"))).toBe(true);
  });
});

describe("the listing batch and the history decide it the same way", () => {
  it("a 4xx from /score/batch leaves the backend up; no answer marks it down", async () => {
    vi.stubGlobal("fetch", answer(400));
    await expect(listingBatch([], settingsFor("http://batch-4xx.test"))).rejects.toThrow("HTTP 400 for /score/batch");
    expect(backendLooksDown("http://batch-4xx.test")).toBe(false);
    vi.stubGlobal("fetch", noAnswer());
    await expect(listingBatch([], settingsFor("http://batch-down.test"))).rejects.toThrow("Failed to fetch");
    expect(backendLooksDown("http://batch-down.test")).toBe(true);
  });

  it("a 404 history leaves the backend up, a 502 marks it down", async () => {
    installFakeBrowser();
    vi.stubGlobal("fetch", answer(404));
    expect(await historyBody("a.b", "http://history-4xx.test")).toBeNull();
    expect(backendLooksDown("http://history-4xx.test")).toBe(false);
    vi.stubGlobal("fetch", answer(502));
    expect(await historyBody("a.b", "http://history-5xx.test")).toBeNull();
    expect(backendLooksDown("http://history-5xx.test")).toBe(true);
  });
});
