/**
 * The service worker's update cycle, on the parts of the Service Worker API it uses (so a unit test can drive it
 * with stand-ins). The worker itself (sw.js) is generated at build time by vite-plugin-pwa (vite.config.ts): it
 * precaches the app and the demo data, takes over the first visit's page, and lets a new version wait until the page
 * sends it `SKIP_WAITING`.
 */

export interface WorkerLike extends EventTarget {
  readonly state: string;
  postMessage(message: unknown): void;
}

export interface RegistrationLike extends EventTarget {
  readonly installing: WorkerLike | null;
  readonly waiting: WorkerLike | null;
}

export interface ContainerLike extends EventTarget {
  readonly controller: unknown;
}

/**
 * Calls `onWaiting` with each new version that is installed and waits while an older one controls the page: the
 * one already waiting when the page opened, and each found later. The first install, with no version controlling
 * the page yet, is no update (it only fills the cache for offline use). Returns a function that stops watching.
 */
export function watchUpdates(
  reg: RegistrationLike,
  container: ContainerLike,
  onWaiting: (worker: WorkerLike) => void,
): () => void {
  if (reg.waiting && container.controller) onWaiting(reg.waiting);
  const found = () => {
    const worker = reg.installing;
    if (!worker) return;
    const changed = () => {
      if (worker.state === 'installed') {
        worker.removeEventListener('statechange', changed);
        if (container.controller) onWaiting(worker);
      } else if (worker.state === 'redundant') {
        worker.removeEventListener('statechange', changed);
      }
    };
    worker.addEventListener('statechange', changed);
  };
  reg.addEventListener('updatefound', found);
  return () => reg.removeEventListener('updatefound', found);
}

/**
 * Lets the waiting version take over and calls `reload` once, when it controls the page (at once if another tab
 * already let it take over).
 */
export function takeOver(worker: WorkerLike, container: ContainerLike, reload: () => void): void {
  if (worker.state === 'activating' || worker.state === 'activated') {
    reload();
    return;
  }
  let done = false;
  container.addEventListener('controllerchange', () => {
    if (done) return;
    done = true;
    reload();
  });
  worker.postMessage({ type: 'SKIP_WAITING' });
}
