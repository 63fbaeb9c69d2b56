// The update cycle of the service worker on stand-ins for the browser's objects: only a version that waits while an
// older one controls the page is offered, the reload follows the take-over once, and an import holds the offer back.
import { describe, expect, it } from 'vitest';
import { takeOver, watchUpdates, type WorkerLike } from '../../src/app/browser/service-worker';
import { appUpdate } from '../../src/app/browser/app-update.svelte';

class FakeWorker extends EventTarget implements WorkerLike {
  state = 'installing';
  messages: unknown[] = [];
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  moveTo(state: string) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  /** The browser found a new sw.js: it installs. */
  found(): FakeWorker {
    const w = new FakeWorker();
    this.installing = w;
    this.dispatchEvent(new Event('updatefound'));
    return w;
  }
}

class FakeContainer extends EventTarget {
  constructor(public controller: unknown) {
    super();
  }
}

describe('watchUpdates', () => {
  it('the first install (nothing controls the page yet) is no update', () => {
    const reg = new FakeRegistration();
    const seen: WorkerLike[] = [];
    watchUpdates(reg, new FakeContainer(null), (w) => seen.push(w));
    reg.found().moveTo('installed');
    expect(seen).toEqual([]);
  });

  it('a new version installed while an older one controls the page is offered once', () => {
    const reg = new FakeRegistration();
    const seen: WorkerLike[] = [];
    watchUpdates(reg, new FakeContainer({}), (w) => seen.push(w));
    const w = reg.found();
    expect(seen).toEqual([]);
    w.moveTo('installed');
    w.moveTo('activating');
    expect(seen).toEqual([w]);
  });

  it('a version already waiting when the page opens is offered at once; a failed install is not', () => {
    const reg = new FakeRegistration();
    const waiting = new FakeWorker();
    waiting.state = 'installed';
    reg.waiting = waiting;
    const seen: WorkerLike[] = [];
    const stop = watchUpdates(reg, new FakeContainer({}), (w) => seen.push(w));
    expect(seen).toEqual([waiting]);
    reg.found().moveTo('redundant');
    expect(seen).toEqual([waiting]);
    stop();
    reg.found().moveTo('installed');
    expect(seen).toEqual([waiting]);
  });
});

describe('takeOver', () => {
  it('asks the waiting version to take over and reloads once, when it controls the page', () => {
    const w = new FakeWorker();
    w.state = 'installed';
    const container = new FakeContainer({});
    let reloads = 0;
    takeOver(w, container, () => reloads++);
    expect(w.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    expect(reloads).toBe(0);
    container.dispatchEvent(new Event('controllerchange'));
    container.dispatchEvent(new Event('controllerchange'));
    expect(reloads).toBe(1);
  });

  it('reloads at once when another tab already let the version take over', () => {
    const w = new FakeWorker();
    w.state = 'activated';
    let reloads = 0;
    takeOver(w, new FakeContainer({}), () => reloads++);
    expect(reloads).toBe(1);
    expect(w.messages).toEqual([]);
  });
});

describe('appUpdate', () => {
  it('offers the reload only when a version waits and no import holds it back', () => {
    const w = new FakeWorker();
    w.state = 'installed';
    const container = new FakeContainer({}) as unknown as ServiceWorkerContainer;
    let reloads = 0;
    expect(appUpdate.offered).toBe(false);
    let importing = true;
    const release = appUpdate.holdWhile(() => importing);
    appUpdate.waiting = w;
    expect(appUpdate.offered).toBe(false);
    // A click that slipped through while an import runs does nothing.
    appUpdate.apply(container, () => reloads++);
    expect(w.messages).toEqual([]);
    importing = false;
    expect(appUpdate.offered).toBe(true);
    importing = true;
    release();
    expect(appUpdate.offered).toBe(true);
    appUpdate.apply(container, () => reloads++);
    expect(w.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    (container as unknown as EventTarget).dispatchEvent(new Event('controllerchange'));
    expect(reloads).toBe(1);
  });
});
