// Counts per calendar month for the timeline chart (pure): releases from `changelog` dates and
// reviews from `reviews.items` dates, over the 24 months ending with today's month. Only what the
// page listed is counted; the chart says so when the page showed fewer reviews than it has.
import type { FactsView } from "../shared/contracts";
import { isObject } from "../shared/guards";

export const TIMELINE_MONTHS = 24;

export interface MonthCount { month: string; releases: number; reviews: number } // month = "YYYY-MM"

export interface Timeline {
  months: MonthCount[];
  releases: number;
  reviews: number;
  /** reviews.total when the page listed fewer reviews than that, else null. */
  reviewsTotal: number | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-\d{2}$/;

function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** The 24 "YYYY-MM" keys ending with today's month, oldest first. */
export function monthWindow(today: string, count = TIMELINE_MONTHS): string[] {
  const match = ISO_DATE.exec(today);
  if (!match) throw new Error(`today must be YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const last = Number(match[1]) * 12 + Number(match[2]) - 1;
  return Array.from({ length: count }, (_, i) => {
    const index = last - (count - 1) + i;
    return monthKey(Math.floor(index / 12), (index % 12) + 1);
  });
}

function datesOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => (isObject(item) && typeof item.date === "string" && ISO_DATE.test(item.date) ? [item.date] : []));
}

export function monthlyTimeline(facts: FactsView, today: string): Timeline {
  const months = monthWindow(today).map((month) => ({ month, releases: 0, reviews: 0 }));
  const index = new Map(months.map((m, i) => [m.month, i]));
  const count = (dates: string[], field: "releases" | "reviews") => {
    let total = 0;
    for (const date of dates) {
      const slot = date <= today ? index.get(date.slice(0, 7)) : undefined; // future dates: typos
      if (slot === undefined) continue;
      (months[slot] as MonthCount)[field] += 1;
      total += 1;
    }
    return total;
  };
  const reviews = isObject(facts.reviews) ? facts.reviews : null;
  const items = reviews ? datesOf(reviews.items) : [];
  const total = reviews && typeof reviews.total === "number" ? reviews.total : null;
  return {
    months,
    releases: count(datesOf(facts.changelog), "releases"),
    reviews: count(items, "reviews"),
    reviewsTotal: total !== null && total > items.length ? total : null,
  };
}
