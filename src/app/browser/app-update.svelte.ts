/**
 * Offline use and updates: registers the service worker (production build only, see src/main.ts) and holds what
 * the update banner (src/components/UpdateBanner.svelte) shows. A new version is offered as a reload, never while
 * work that a reload would lose is running (an import: src/views/import/import-flow.svelte.ts holds the offer back).
 */
import { takeOver, watchUpdates, type WorkerLike } from './service-worker';

/** How often an open page asks whether a new version is there (the browser also asks at each page load). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

class AppUpdate {
  /** A new version, installed and waiting to take over. */
  waiting = $state.raw<WorkerLike | null>(null);
  private holds = $state.raw<(() => boolean)[]>([]);

  /** Work that a reload would lose is running. */
  get busy(): boolean {
    return this.holds.some((held) => held());
  }

  /** The reload is offered: a new version waits and nothing holds it back. */
  get offered(): boolean {
    return this.waiting !== null && !this.busy;
  }

  /** Holds the offer back while `held()` is true (read in an effect: rune state in it is followed). */
  holdWhile(held: () => boolean): () => void {
    this.holds = [...this.holds, held];
    return () => (this.holds = this.holds.filter((h) => h !== held));
  }

  /** The user's "reload": the new version takes over, then the page reloads on it. */
  apply(container: ServiceWorkerContainer = navigator.serviceWorker, reload = () => location.reload()): void {
    const worker = this.waiting;
    if (!worker || this.busy) return;
    takeOver(worker, container, reload);
  }
}

export const appUpdate = new AppUpdate();

/** Registers sw.js beside index.html (any base path) and watches for new versions. */
export async function registerServiceWorker(): Promise<void> {
  const container = navigator.serviceWorker;
  const reg = await container.register('sw.js');
  watchUpdates(reg, container, (worker) => (appUpdate.waiting = worker));
  setInterval(() => {
    // Offline, the check fails; the next one tries again.
    reg.update().catch(() => undefined);
  }, CHECK_EVERY_MS);
}
