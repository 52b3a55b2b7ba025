// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { completeFacts } from "../../../extension/src/shared/facts-skeleton";
import { renderTimeline, timelineTable } from "../../../extension/src/ui/timeline-chart";
import { monthlyTimeline, monthWindow } from "../../../extension/src/ui/timeline-data";

const TODAY = "2026-11-27";
const facts = completeFacts({
  changelog: [
    { version: "3.4.2", date: "2026-11-19" }, { version: "3.4.1", date: "2026-11-02" },
    { version: "3.0.0", date: "2025-01-15" }, { version: "2.0.0", date: "2024-11-30" }, // outside the window
    { version: "x", date: "2027-01-01" }, { version: "y", date: "not a date" },
  ],
  reviews: {
    total: 37,
    items: [
      { date: "2026-11-24", stars: 5 }, { date: "2026-11-01", stars: 4 }, { date: "2026-03-10", stars: 2 },
      { date: "2024-12-01", stars: 5 }, { date: null },
    ],
  },
}, "nordlab.smartseo");

describe("monthly counts", () => {
  it("covers the 24 months ending with this month", () => {
    const months = monthWindow(TODAY);
    expect(months).toHaveLength(24);
    expect(months[0]).toBe("2024-12");
    expect(months[23]).toBe("2026-11");
    expect(monthWindow("2026-01-05")[22]).toBe("2025-12");
  });

  it("counts releases and reviews per month, only inside the window and not in the future", () => {
    const t = monthlyTimeline(facts, TODAY);
    const by = Object.fromEntries(t.months.map((m) => [m.month, m]));
    expect(by["2026-11"]).toEqual({ month: "2026-11", releases: 2, reviews: 2 });
    expect(by["2026-03"]?.reviews).toBe(1);
    expect(by["2025-01"]?.releases).toBe(1);
    expect(by["2024-12"]?.reviews).toBe(1);
    expect([t.releases, t.reviews, t.reviewsTotal]).toEqual([3, 4, 37]);
  });

  it("knows nothing rather than guessing when the lists are missing", () => {
    const t = monthlyTimeline(completeFacts({}, "a.b"), TODAY);
    expect([t.releases, t.reviews, t.reviewsTotal]).toEqual([0, 0, null]);
  });
});

describe("the SVG timeline", () => {
  it("is an accessible image: role, label with the totals, title, desc", () => {
    const svg = renderTimeline(facts, TODAY, "ru");
    expect(svg.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe(
      "Релизы и отзывы по месяцам за 2 года: 3 релиза, 4 отзыва (на странице показаны 4 из 37 отзывов)",
    );
    expect(svg.firstElementChild?.tagName).toBe("title");
    expect(svg.querySelector("desc")?.textContent).toContain("2026-11: 2 релиза, 2 отзыва");
  });

  it("draws one bar per month with reviews and one triangle per month with releases", () => {
    const svg = renderTimeline(facts, TODAY, "en");
    expect(svg.querySelectorAll("[data-month]")).toHaveLength(24);
    expect(svg.querySelectorAll("rect.mp-bar")).toHaveLength(3);
    expect(svg.querySelectorAll(".mp-timeline-months path")).toHaveLength(2);
    const nov = svg.querySelector('[data-month="2026-11"]');
    expect(nov?.getAttribute("data-releases")).toBe("2");
    expect(nov?.querySelector("text")?.textContent).toBe("2"); // count label next to the marker
    expect(svg.querySelector(".mp-timeline-legend")?.textContent).toBe("reviewsreleases");
  });

  it("page text never becomes markup", () => {
    const evil = completeFacts({ changelog: [{ version: "<img src=x onerror=alert(1)>", date: "2026-11-01" }] }, "a.b");
    const svg = renderTimeline(evil, TODAY, "en");
    expect(svg.querySelector("img")).toBeNull();
    expect(svg.querySelectorAll("*").length).toBeGreaterThan(10);
    for (const el of svg.querySelectorAll("*")) expect(el.namespaceURI).toBe("http://www.w3.org/2000/svg");
  });

  it("comes with the same numbers as a visually hidden table", () => {
    const table = timelineTable(facts, TODAY, "en");
    expect(table.className).toBe("mp-visually-hidden");
    expect(table.querySelectorAll("tr")).toHaveLength(25);
    expect(table.querySelector("caption")?.textContent).toContain("3 releases, 4 reviews");
    const last = table.querySelectorAll("tr")[24];
    expect([...(last?.querySelectorAll("td") ?? [])].map((td) => td.textContent)).toEqual(["2026-11", "2", "2"]);
  });
});
