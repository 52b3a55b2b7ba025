// The start every extension page (popup, options, comparison) makes: the document's language and
// title in the UI locale and the shared page styles, so a screen reader announces the right language
// and no page forgets one of them.
import type { Lang } from "../shared/contracts";

export function bootstrapPage(doc: Document, lang: Lang, title: string, css: string): void {
  doc.documentElement.lang = lang;
  doc.title = title;
  const style = doc.createElement("style");
  style.textContent = css;
  doc.head.append(style);
}
