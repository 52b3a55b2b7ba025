// Which _locales file the browser would pick for a UI language, the way Chromium and Firefox do it
// for chrome.i18n: the exact locale ("pt_BR"), then its language ("pt"), then default_locale.
export function pickLocale(uiLanguage: string, available: readonly string[], fallback: string): string {
  const exact = uiLanguage.replace(/-/g, "_");
  const lower = available.map((locale) => locale.toLowerCase());
  for (const wanted of [exact, exact.split("_")[0] ?? ""]) {
    const at = lower.indexOf(wanted.toLowerCase());
    if (wanted && at >= 0) return available[at] as string;
  }
  return fallback;
}
