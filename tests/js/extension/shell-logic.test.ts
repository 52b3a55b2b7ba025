import { describe, expect, it } from "vitest";
import {
  buildOptions, changesScoring, coerceSettings, DEFAULT_BACKEND_URL, normalizeBackendUrl, settingsIfReady,
} from "../../../extension/src/shared/settings";
import { addToList, coerceShortlist, SHORTLIST_MAX, type ShortlistItem } from "../../../extension/src/shared/shortlist";
import { mergeHistory, mergePartner, partnerExtra } from "../../../extension/src/shared/enrichment";
import { isFresh } from "../../../extension/src/worker/cache";
import { completeFacts } from "../../../extension/src/shared/facts-skeleton";
import { formatValue } from "../../../extension/src/ui/evidence-text";
import { fill, langFromLocale } from "../../../extension/src/ui/strings";
import { localToday } from "../../../extension/src/shared/dates";
import { tabIdFromSearch } from "../../../extension/src/popup/target-tab";
import { criterionLink } from "../../../extension/src/popup/links";
import { isOwnMutation } from "../../../extension/src/content/observer";
import { criterion, readRulesTexts } from "./fixtures";

describe("settings", () => {
  it("normalises the backend URL to an http(s) origin", () => {
    expect(normalizeBackendUrl(" http://127.0.0.1:8765/api/v1 ")).toBe("http://127.0.0.1:8765");
    expect(normalizeBackendUrl("https://mp.example")).toBe("https://mp.example");
    expect(normalizeBackendUrl("javascript:alert(1)")).toBeNull();
    expect(normalizeBackendUrl("http://user:pw@host")).toBeNull();
    expect(normalizeBackendUrl("nope")).toBeNull();
  });
  it("coerces junk to defaults and keeps only known criteria", () => {
    expect(coerceSettings(null)).toEqual({ backendUrl: DEFAULT_BACKEND_URL, profile: null, disabled: [] });
    const s = coerceSettings({ backendUrl: "ftp://x", profile: "site", disabled: ["price", "nope", "demo"] });
    expect(s).toEqual({ backendUrl: DEFAULT_BACKEND_URL, profile: "site", disabled: ["demo", "price"] });
    expect(buildOptions(s)).toEqual({ profile: "site", disabled: ["demo", "price"] });
    expect(buildOptions(coerceSettings({}))).toEqual({});
  });
});

describe("shortlist", () => {
  const item = (code: string): ShortlistItem => ({
    code, name: code, url: `https://x/${code}/`, kind: null, added: "2026-11-27", captured: "2026-11-27", facts: null, report: null,
  });
  it("adds, refuses duplicates and stops at 8", () => {
    let list: ShortlistItem[] = [];
    for (let i = 0; i < SHORTLIST_MAX; i++) list = addToList(list, item(`p.m${i}`)).list;
    expect(list).toHaveLength(8);
    expect(addToList(list, item("p.m0")).result).toBe("already");
    expect(addToList(list, item("p.new")).result).toBe("full");
    expect(addToList([], item("p.new")).result).toBe("added");
  });
  it("drops junk read from storage", () => {
    expect(coerceShortlist([item("a.b"), { code: "<x>" }, 5])).toEqual([item("a.b")]);
    expect(coerceShortlist("x")).toEqual([]);
  });
});

describe("worker merge", () => {
  const facts = completeFacts({ partner: { id: 731204, name: "NordLab" } }, "nordlab.smartseo");
  it("takes only typed partner fields from the backend", () => {
    const extra = partnerExtra({ partner: { rating_position: 14, rating_total: 1318, specialization: "software", name: "X", evil: 1 } });
    expect(extra).toEqual({ rating_position: 14, rating_total: 1318, specialization: "software" });
    expect(partnerExtra({ rating_position: "14", specialization: "spy" })).toEqual({});
    expect(mergePartner(facts, extra).partner).toEqual({ id: 731204, name: "NordLab", ...extra });
  });
  it("lets the page changelog win and fills a missing one from history", () => {
    const history = { changelog: [{ version: "1.0.1", date: "2026-10-01", chars: 20 }] };
    expect(mergeHistory(facts, history).changelog).toEqual(history.changelog);
    expect(mergeHistory(facts, history).sources).toEqual({ changelog: "backend" }); // cited as backend evidence
    const withPage = { ...facts, changelog: [] };
    expect(mergeHistory(withPage, history).changelog).toEqual([]);
    expect(mergeHistory(facts, { changelog: [{ version: 1 }] }).changelog).toBeNull();
  });
  it("expires cache entries after the TTL", () => {
    expect(isFresh({ savedAt: 1000, value: 1 }, 1500, 1000)).toBe(true);
    expect(isFresh({ savedAt: 1000, value: 1 }, 2000, 1000)).toBe(false);
    expect(isFresh({ savedAt: 5000, value: 1 }, 1000, 1000)).toBe(false); // clock went back
  });
});

describe("small helpers", () => {
  it("completes card facts with nulls", () => {
    const f = completeFacts({ name: "A", price: { rub: 1, old_rub: null, free: false } }, "a.b");
    expect(f.url).toBe("https://marketplace.1c-bitrix.ru/solutions/a.b/");
    expect(f.demo).toBeNull();
    expect(f.price).toEqual({ rub: 1, old_rub: null, free: false });
  });
  it("formats evidence values as short text", () => {
    expect(formatValue(null)).toBe("—");
    expect(formatValue(["ticket", "chat"])).toBe("ticket, chat");
    expect(formatValue(true)).toBe("✓");
    expect(formatValue({ a: "x".repeat(500) }).length).toBeLessThanOrEqual(120);
  });
  it("fills placeholders and picks the language", () => {
    expect(fill("данные по {known} из {total}", { known: 7, total: 9 })).toBe("данные по 7 из 9");
    expect(fill("{missing}", {})).toBe("{missing}");
    expect(langFromLocale("ru-RU")).toBe("ru");
    expect(langFromLocale("en-US")).toBe("en");
    expect(langFromLocale("uk")).toBe("en");
  });
  it("gives today's local date", () => {
    expect(localToday(new Date(2026, 10, 27, 23, 59))).toBe("2026-11-27");
  });
  it("reads ?tabId= strictly", () => {
    expect(tabIdFromSearch("?tabId=42")).toBe(42);
    expect(tabIdFromSearch("?tabId=4x")).toBeNull();
    expect(tabIdFromSearch("")).toBeNull();
  });
  it("links each step to the right tab of the page", () => {
    const rules = readRulesTexts();
    const facts = completeFacts({ partner: { id: 7, name: "P" }, url: "https://marketplace.1c-bitrix.ru/solutions/a.b/#tab-log-link" }, "a.b");
    expect(criterionLink(rules, facts, criterion("reviews", "good", 3))).toBe("https://marketplace.1c-bitrix.ru/solutions/a.b/#tab-rating-link");
    expect(criterionLink(rules, facts, criterion("updates", "good", 4))).toMatch(/#tab-log-link$/);
    expect(criterionLink(rules, facts, criterion("developer", "good", 5))).toBe("https://marketplace.1c-bitrix.ru/partners/detail.php?ID=7");
    expect(criterionLink(rules, null, criterion("reviews", "good", 3))).toBeNull();
  });
  it("recognises the observer's own badge insertions", () => {
    const own = { addedNodes: [{ nodeName: "MPCHECK-BADGE" }], removedNodes: [] } as unknown as MutationRecord;
    const page = { addedNodes: [{ nodeName: "DIV" }], removedNodes: [] } as unknown as MutationRecord;
    const control = { addedNodes: [{ nodeName: "MPCHECK-LIST" }], removedNodes: [] } as unknown as MutationRecord;
    const mixed = { addedNodes: [{ nodeName: "MPCHECK-LIST" }, { nodeName: "DIV" }], removedNodes: [] } as unknown as MutationRecord;
    expect(isOwnMutation(own)).toBe(true);
    expect(isOwnMutation(control)).toBe(true); // the list control above a catalog is ours too
    expect(isOwnMutation(page)).toBe(false);
    expect(isOwnMutation(mixed)).toBe(false);
  });
});

describe("settings at page load", () => {
  it("returns settings only if the storage round trip already finished", async () => {
    const ready = Promise.resolve(coerceSettings({ profile: "site" }));
    await ready;
    expect((await settingsIfReady(ready))?.profile).toBe("site");
    const pending = new Promise<ReturnType<typeof coerceSettings>>(() => {});
    expect(await settingsIfReady(pending)).toBeNull();
    expect(changesScoring(coerceSettings({}))).toBe(false);
    expect(changesScoring(coerceSettings({ disabled: ["price"] }))).toBe(true);
  });
});
