// A backend that just failed is not asked again for a minute, so a stopped server costs each
// page one timeout at most, not one per navigation (or per message: enrich, the listing batch and
// the history share this). What "failed" means is decided here, once (`noteFailure`).
import { BackendUnavailable } from "./backend-client";

const RETRY_AFTER_MS = 60_000;
const downUntil = new Map<string, number>(); // per backend URL: changing it in options retries at once

function markBackendDown(base: string, now = Date.now()): void {
  downUntil.set(base, now + RETRY_AFTER_MS);
}

export function backendLooksDown(base: string, now = Date.now()): boolean {
  return now < (downUntil.get(base) ?? 0);
}

/**
 * Whether a failed request says the backend is down: no answer (refused, timed out, cut off, an
 * unreadable body) or a server error (5xx: it, or the proxy before it, is not working). An HTTP 4xx
 * is the backend working — it answered about this one request (a 404 for a solution or a partner
 * it cannot read, a 413 for a too large batch) — so the next request still goes out.
 */
export function failureMeansDown(err: unknown): boolean {
  return !(err instanceof BackendUnavailable && err.status !== null && err.status < 500);
}

/** Marks `base` down when `err` says so (failureMeansDown); every caller of the backend uses this. */
export function noteFailure(base: string, err: unknown, now = Date.now()): void {
  if (failureMeansDown(err)) markBackendDown(base, now);
}

/** One call to the backend at `base`: refused at once while it looks down, noted when it fails. */
export async function withBackend<T>(base: string, call: () => Promise<T>): Promise<T> {
  if (backendLooksDown(base)) throw new BackendUnavailable("backend failed recently");
  try {
    return await call();
  } catch (err) {
    noteFailure(base, err);
    throw err;
  }
}
