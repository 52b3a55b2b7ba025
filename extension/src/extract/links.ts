// Links the checklist asks for: documentation, video, presentation, cases — from the head and
// the vendor's own tabs, never from user-written ones (backend/mpcheck/extract/links.py).
import type { Page } from "./context";
import { absoluteUrl, css } from "./dom";
import { TABLE } from "./label_table";

const VENDOR_ZONES = ["about", "install", "support"];
const FOREIGN = /^\s*(?:https?:)?\/\//i; // absolute or protocol-relative: the only links that can leave the host

export interface Links { documentation: string | null; video: string[]; presentation: string | null; cases: string[] }

function firstLink(anchors: Element[], page: Page, path: string[]): string | null {
  for (const a of anchors) {
    if (!TABLE.search(page.foldedText(a), ...path)) continue;
    const url = absoluteUrl(a.getAttribute("href"), page.url);
    if (url) return url;
  }
  return null;
}

export function links(page: Page): Links {
  const anchors = page.outside(css(page.root, "a[href]"), ...VENDOR_ZONES);
  let presentation = firstLink(anchors, page, ["links", "presentation"]);
  if (presentation === null) {
    const pdf = anchors.find((a) => TABLE.search(a.getAttribute("href") ?? "", "links", "presentation_href"));
    presentation = pdf ? absoluteUrl(pdf.getAttribute("href"), page.url) : null;
  }
  const sources = anchors.map((a) => a.getAttribute("href"));
  for (const sel of TABLE.entries("links", "video_selectors")) {
    for (const f of page.outside(css(page.root, String(sel.css)), ...VENDOR_ZONES)) sources.push(f.getAttribute("src"));
  }
  const video: string[] = [];
  for (const src of sources) {
    // a relative link resolves onto the Marketplace, never onto a video host: skip the URL parse
    if (!src || !FOREIGN.test(src)) continue;
    const url = absoluteUrl(src, page.url);
    if (url && TABLE.search(url, "links", "video_href") && !video.includes(url)) video.push(url);
  }
  const cases: string[] = [];
  for (const a of anchors) {
    if (!TABLE.search(page.foldedText(a), "links", "cases")) continue; // text first: the URL parse is dearer
    const url = absoluteUrl(a.getAttribute("href"), page.url);
    if (url && !cases.includes(url)) cases.push(url);
  }
  return { documentation: firstLink(anchors, page, ["links", "documentation"]), video, presentation, cases };
}
