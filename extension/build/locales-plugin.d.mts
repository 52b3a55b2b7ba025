export interface Locales {
  default: string;
  messages: Record<string, Record<string, string>>;
}
export function readLocales(staticDir: string): Locales;
export function localesPlugin(staticDir: string): unknown;
