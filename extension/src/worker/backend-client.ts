// The extension's only network code (SPEC §9). Every call has a hard timeout: a slow backend must
// degrade to "partner rating unavailable", not hold the badge.
export const BACKEND_TIMEOUT_MS = 2000;
const MAX_BODY_CHARS = 2_000_000;
// The backend answers only requests carrying this header (SPEC §12): a web page cannot add it to a
// no-cors fetch, and the CORS preflight it would need admits only the extension's origins.
export const CLIENT_HEADER = "X-Mpcheck-Client";
export const CLIENT_NAME = "mpcheck-extension";

export function requestHeaders(hasBody: boolean): Record<string, string> {
  return hasBody
    ? { "Content-Type": "application/json", [CLIENT_HEADER]: CLIENT_NAME }
    : { Accept: "application/json", [CLIENT_HEADER]: CLIENT_NAME };
}

export class BackendUnavailable extends Error {
  /** The HTTP status when the backend answered with an error, else null (no answer at all). */
  constructor(message: string, readonly status: number | null = null) {
    super(message);
  }
}

export async function backendJson(
  baseUrl: string,
  path: string,
  init: { method?: "GET" | "POST"; body?: unknown; timeoutMs?: number } = {},
): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), init.timeoutMs ?? BACKEND_TIMEOUT_MS);
  try {
    const res = await fetch(new URL(`/api/v1${path}`, baseUrl), {
      method: init.method ?? "GET",
      headers: requestHeaders(init.body !== undefined),
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: controller.signal,
      credentials: "omit",
      redirect: "error",
      cache: "no-store",
    });
    if (!res.ok) throw new BackendUnavailable(`HTTP ${res.status} for ${path}`, res.status);
    const text = await res.text();
    if (text.length > MAX_BODY_CHARS) throw new BackendUnavailable(`response too large for ${path}`);
    return JSON.parse(text) as unknown;
  } catch (err) {
    if (err instanceof BackendUnavailable) throw err;
    throw new BackendUnavailable(err instanceof Error ? err.message : String(err));
  } finally {
    clearTimeout(timer);
  }
}
