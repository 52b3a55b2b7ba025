// Ends the current main-thread task and resumes in a new one (SPEC §10: no task over 16 ms). A
// plain macrotask, deliberately not scheduler.yield(): that one resumes AHEAD of the page's queued
// tasks, and the point here is to let the Marketplace page's own work (its load event, its
// scripts) run between our steps instead of waiting for all of them.
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, 0);
  });
}
