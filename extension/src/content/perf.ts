// User Timing measures read by bench/extension_bench.py: mpcheck:extract, mpcheck:evaluate and
// mpcheck:render are synchronous main-thread work; mpcheck:paint runs from the start of rendering
// to the next animation frame (when the badge can first be painted). Content scripts share the page's Performance timeline, so the page
// (and the bench) can read our measures; names carry no page data.
/** `name` measured from its latest start mark (a page that overrides performance.* must not break the badge). */
function measureSince(name: string): void {
  try {
    performance.measure(name, `${name}:start`);
  } catch {
    // nothing to measure against: the figure is lost, the badge is not
  }
}

export function timed<T>(name: string, work: () => T): T {
  performance.mark(`${name}:start`);
  try {
    return work();
  } finally {
    measureSince(name);
  }
}

/** Measures from the start mark to the next frame, i.e. until the badge can be painted. */
export function measureUntilPaint(name: string): void {
  performance.mark(`${name}:start`);
  requestAnimationFrame(() => measureSince(name));
}

/**
 * Work done in steps with `wait()` between them (content/next-task.ts): one `name` measure per step,
 * so the bench's sum is the main-thread time and its longest entry the longest step.
 */
export async function timedSteps<T>(name: string, wait: () => Promise<void>, work: (pause: () => Promise<void>) => Promise<T>): Promise<T> {
  const start = `${name}:start`;
  performance.mark(start);
  try {
    return await work(async () => {
      measureSince(name); // this step: from its start mark to here
      await wait();
      performance.mark(start);
    });
  } finally {
    measureSince(name);
  }
}
