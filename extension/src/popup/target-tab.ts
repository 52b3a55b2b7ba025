// Which tab the popup describes. `?tabId=` lets tests open popup.html as a normal tab, where
// tabs.query({active}) would return the popup tab itself (TESTING-BROWSERS.md §4.3).
import { ext } from "../shared/browser-api";

export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get("tabId");
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  return Number(raw);
}

export async function targetTabId(search: string): Promise<number | null> {
  const fromQuery = tabIdFromSearch(search);
  if (fromQuery !== null) return fromQuery;
  const [tab] = await ext().tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
