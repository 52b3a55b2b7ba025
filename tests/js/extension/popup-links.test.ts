// Issue 12: the popup's "open on the page" links follow facts.url, which a page sets from its own
// canonical / og:url. They now pass the comparison page's check (Marketplace https only).
import { describe, expect, it } from "vitest";
import { criterionLink } from "../../../extension/src/popup/links";
import type { CriterionReport } from "../../../extension/src/shared/contracts";
import { completeFacts } from "../../../extension/src/shared/facts-skeleton";
import { CLIENT_HEADER, requestHeaders } from "../../../extension/src/worker/backend-client";
import { readRulesTexts } from "./fixtures";

const rules = readRulesTexts();
const reviews = { id: "reviews" } as CriterionReport;

function withUrl(url: string) {
  return { ...completeFacts({}, "nordlab.smartseo"), url };
}

describe("popup links", () => {
  it("links the Marketplace page's tab", () => {
    expect(criterionLink(rules, withUrl("https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/#x"), reviews)).toBe(
      "https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/#tab-rating-link",
    );
  });

  it.each([
    "https://evil.example/solutions/nordlab.smartseo/",
    "https://marketplace.1c-bitrix.ru.evil.example/solutions/a.b/",
    "http://marketplace.1c-bitrix.ru/solutions/a.b/",
    "javascript:alert(1)//marketplace.1c-bitrix.ru/",
    "not a url",
  ])("gives no link for a page-supplied foreign URL %s", (url) => {
    expect(criterionLink(rules, withUrl(url), reviews)).toBeNull();
  });
});

describe("backend requests", () => {
  it("carry the client header the backend requires", () => {
    expect(CLIENT_HEADER).toBe("X-Mpcheck-Client");
    expect(requestHeaders(false)).toEqual({ Accept: "application/json", "X-Mpcheck-Client": "mpcheck-extension" });
    expect(requestHeaders(true)).toEqual({ "Content-Type": "application/json", "X-Mpcheck-Client": "mpcheck-extension" });
  });
});
