import { describe, expect, it } from "vitest";
import { detectPageType, partnerIdFromUrl, solutionCodeFromUrl, type PageType } from "../../../extension/src/shared/page-type";

const MP = "https://marketplace.1c-bitrix.ru";

// [url, expected type] — examples from DOM.md §1 (confirmed schemes) plus near misses.
const TABLE: Array<[string, PageType]> = [
  [`${MP}/solutions/nordlab.smartseo/`, "solution"],
  [`${MP}/solutions/nordlab.smartseo`, "solution"],
  [`${MP}/solutions/nordlab.smartseo/#tab-rating-link`, "solution"],
  [`${MP}/solutions/tehnostar.importer/#tab-log-link!sub`, "solution"],
  [`${MP}/solutions/NordLab.SmartSeo/?update_sys_new=Y`, "solution"],
  [`${MP}/solutions/`, "listing"],
  [`${MP}/solutions/category/14/`, "listing"],
  [`${MP}/solutions/category/141`, "listing"],
  [`${MP}/solutions/?category=14&subcategory=&PAYMENT_SHOW=NOT_FREE&PAGEN_1=2`, "listing"],
  [`${MP}/search/?q=seo`, "listing"],
  [`${MP}/search/index.php?q=seo&PAGEN_1=3`, "listing"],
  [`${MP}/partners/detail.php?ID=731204`, "partner"],
  [`${MP}/partners/detail.php?ID=1469188.php`, "partner"],
  [`${MP}/partners/`, "partners_rating"],
  [`${MP}/partners/index.php?PAGEN_1=3`, "partners_rating"],
  // must NOT match
  [`${MP}/partners/detail.php`, "other"],
  [`${MP}/solutions/nordlab/`, "other"],
  [`${MP}/solutions/nordlab.smartseo/reviews/`, "other"],
  [`${MP}/solutions/category/abc/`, "other"],
  [`${MP}/tobasket.php?ID=nordlab.smartseo`, "other"],
  [`${MP}/nordlab.smartseo`, "other"],
  [`${MP}/`, "other"],
  [`http://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/`, "other"],
  [`https://marketplace.1c-bitrix.ru.evil.example/solutions/nordlab.smartseo/`, "other"],
  [`https://www.1c-bitrix.ru/partners/731204.php`, "other"],
  [`https://example.com/solutions/nordlab.smartseo/`, "other"],
  ["not a url", "other"],
  ["", "other"],
];

describe("detectPageType", () => {
  it.each(TABLE)("%s -> %s", (url, expected) => {
    expect(detectPageType(url)).toBe(expected);
  });
});

describe("solutionCodeFromUrl", () => {
  it.each([
    [`${MP}/solutions/nordlab.smartseo/`, "nordlab.smartseo"],
    [`${MP}/solutions/NordLab.SmartSeo/#tab-log-link`, "nordlab.smartseo"],
    [`${MP}/solutions/category/14/`, null],
    [`${MP}/search/?q=nordlab.smartseo`, null],
    ["https://example.com/solutions/nordlab.smartseo/", null],
  ])("%s -> %s", (url, code) => {
    expect(solutionCodeFromUrl(url)).toBe(code);
  });
});

describe("partnerIdFromUrl", () => {
  it.each([
    [`${MP}/partners/detail.php?ID=731204`, 731204],
    [`${MP}/partners/detail.php?ID=1469188.php`, 1469188],
    [`${MP}/partners/detail.php?lang=ru&ID=42`, 42],
    [`${MP}/partners/detail.php?XID=42`, null],
    [`${MP}/partners/`, null],
  ])("%s -> %s", (url, id) => {
    expect(partnerIdFromUrl(url)).toBe(id);
  });
});
