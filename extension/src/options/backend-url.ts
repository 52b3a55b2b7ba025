// The backend address as the buyer types it on the options page, completed and checked.
// `mpcheck serve` and most guides give a bare «127.0.0.1:8765», so a host (with or without a port)
// and no scheme gets the missing http://; any other scheme (ftp:, javascript:, file:) and junk stay
// refused by the shared check (shared/settings.ts normalizeBackendUrl: http(s) origin only).
import { normalizeBackendUrl } from "../shared/settings";

/** "scheme://" already typed: the shared check decides. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/**
 * Hosts that need no port to be taken for one: localhost, an IPv4 or bracketed IPv6 literal, a
 * dotted name ending in a letter ("1.2.3" is no name: the URL parser would make it 1.2.0.3).
 */
const HOST = String.raw`localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\]|(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*`;
/**
 * A host without a scheme, or a single-label name WITH a port ("backend:8765"; a bare word like
 * "nope" stays junk), then an optional path (dropped: only the origin is kept). Tested before the
 * URL parser, which would read "localhost:8765" as the scheme "localhost:".
 */
const BARE_HOST = new RegExp(String.raw`^(?:(?:${HOST})(?::\d{1,5})?|[a-z0-9-]+:\d{1,5})(?:[/?#].*)?$`, "i");

/** The origin to store ("http://127.0.0.1:9999"), or null when the input is no http(s) address. */
export function completeBackendUrl(raw: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  if (!HAS_SCHEME.test(text) && BARE_HOST.test(text)) return normalizeBackendUrl(`http://${text}`);
  return normalizeBackendUrl(text);
}
