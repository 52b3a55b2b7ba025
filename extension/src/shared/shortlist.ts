// The comparison shortlist (storage.local, max 8). The comparison page itself is a later issue;
// this is the one writer so the badge and the popup agree on the shape.
import { ext } from "./browser-api";
import { isObject, isSolutionCode } from "./guards";

export const SHORTLIST_KEY = "shortlist";
export const SHORTLIST_MAX = 8;

export interface ShortlistItem {
  code: string;
  name: string;
  url: string;
  added: string;
}

export function coerceShortlist(raw: unknown): ShortlistItem[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((x): x is ShortlistItem => isObject(x) && isSolutionCode(x.code) && typeof x.url === "string")
    .slice(0, SHORTLIST_MAX);
}

export type AddResult = "added" | "already" | "full";

/** Pure core: returns the new list and what happened. */
export function addToList(list: ShortlistItem[], item: ShortlistItem): { list: ShortlistItem[]; result: AddResult } {
  if (list.some((x) => x.code === item.code)) return { list, result: "already" };
  if (list.length >= SHORTLIST_MAX) return { list, result: "full" };
  return { list: [...list, item], result: "added" };
}

export async function addToShortlist(item: ShortlistItem): Promise<AddResult> {
  const got = await ext().storage.local.get(SHORTLIST_KEY);
  const { list, result } = addToList(coerceShortlist(got[SHORTLIST_KEY]), item);
  if (result === "added") await ext().storage.local.set({ [SHORTLIST_KEY]: list });
  return result;
}
