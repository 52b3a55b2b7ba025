// Runs work in small slices when the page is idle, so scoring 50 catalog cards never blocks the
// Marketplace's own scripts for one long task (requestIdleCallback is missing in some contexts,
// hence the setTimeout fallback).
type Slice = () => void;

function nextIdle(run: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: 200 });
  else setTimeout(run, 0);
}

/** Runs `slices` in order, one per idle period; resolves after the last. */
export function runWhenIdle(slices: Slice[]): Promise<void> {
  return new Promise((resolve) => {
    let i = 0;
    const step = () => {
      const slice = slices[i++];
      if (!slice) return resolve();
      slice();
      nextIdle(step);
    };
    nextIdle(step);
  });
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
