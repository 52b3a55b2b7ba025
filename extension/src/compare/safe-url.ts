// Stored URLs came from a page: only Marketplace https links become clickable (a javascript: or
// foreign URL in a hostile snapshot is shown as nothing rather than linked).
import { MARKETPLACE_HOST } from "../shared/page-type";

export function safePageUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" && parsed.hostname === MARKETPLACE_HOST ? parsed.href : null;
  } catch {
    return null;
  }
}
