// Page-type detection from the URL only (pure; see DOM.md §1 for the confirmed URL schemes).
// Decides whether the content script does any work at all, so it must never throw.

export type PageType = "solution" | "listing" | "partner" | "partners_rating" | "other";

export const MARKETPLACE_HOST = "marketplace.1c-bitrix.ru";

// partner.module, lower case; the real site also serves mixed case links from vendors' docs.
const SOLUTION_PATH = /^\/solutions\/([a-z0-9_]+\.[a-z0-9_]+)\/?$/i;
const CATALOG_PATH = /^\/solutions\/(?:category\/\d+\/?)?$/;
const SEARCH_PATH = /^\/search\/(?:index\.php)?$/;
const PARTNER_PATH = /^\/partners\/detail\.php$/;
const RATING_PATH = /^\/partners\/(?:index\.php)?$/;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function onMarketplace(u: URL): boolean {
  return u.protocol === "https:" && u.hostname === MARKETPLACE_HOST;
}

/** `ID=(\d+)` tolerates the stray ".php" vendors append (DOM.md E12). */
export function partnerIdFromUrl(url: string): number | null {
  const u = parse(url);
  if (!u || !onMarketplace(u) || !PARTNER_PATH.test(u.pathname)) return null;
  const m = /(?:^|[?&])ID=(\d+)/.exec(u.search);
  return m?.[1] ? Number(m[1]) : null;
}

export function solutionCodeFromUrl(url: string): string | null {
  const u = parse(url);
  if (!u || !onMarketplace(u)) return null;
  const m = SOLUTION_PATH.exec(u.pathname);
  return m?.[1] ? m[1].toLowerCase() : null;
}

export function detectPageType(url: string): PageType {
  const u = parse(url);
  if (!u || !onMarketplace(u)) return "other";
  if (SOLUTION_PATH.test(u.pathname)) return "solution";
  if (CATALOG_PATH.test(u.pathname) || SEARCH_PATH.test(u.pathname)) return "listing";
  if (PARTNER_PATH.test(u.pathname)) return partnerIdFromUrl(url) === null ? "other" : "partner";
  if (RATING_PATH.test(u.pathname)) return "partners_rating";
  return "other";
}
