/**
 * The only place that creates the engine worker. Wraps it with Comlink and hands out a typed facade.
 * If the worker dies, every call in flight rejects with a `workerCrashed` error (never a promise that hangs) and the
 * next call starts a fresh worker.
 */
import { wrap, proxy, releaseProxy, type Remote } from 'comlink';
import type { WorkerApi } from '../worker/api';
import type { AppError } from '../shared/errors';

type Methods = {
  [K in keyof WorkerApi]: WorkerApi[K];
};

let worker: Worker | null = null;
let remote: Remote<WorkerApi> | null = null;
const inflight = new Set<(e: AppError) => void>();
let crashListeners: ((e: AppError) => void)[] = [];

function start(): Remote<WorkerApi> {
  worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  const onCrash = (ev: Event) => {
    if (w !== worker) return;
    const message = ev instanceof ErrorEvent && ev.message ? ev.message : 'The engine worker stopped.';
    const err: AppError = { code: 'workerCrashed', message };
    ev.preventDefault?.();
    shutdown();
    for (const reject of [...inflight]) reject(err);
    inflight.clear();
    for (const l of crashListeners) l(err);
  };
  w.addEventListener('error', onCrash);
  w.addEventListener('messageerror', onCrash);
  remote = wrap<WorkerApi>(w);
  return remote;
}

function shutdown() {
  if (remote) remote[releaseProxy]();
  worker?.terminate();
  worker = null;
  remote = null;
}

/** Calls a worker method; resolves with its Result, or with a workerCrashed error if the worker dies meanwhile. */
function call<K extends keyof Methods>(name: K, ...args: Parameters<Methods[K]>): ReturnType<Methods[K]> {
  const r = remote ?? start();
  return new Promise((resolve) => {
    const onCrash = (error: AppError) => resolve({ ok: false, error } as Awaited<ReturnType<Methods[K]>>);
    inflight.add(onCrash);
    const fn = r[name] as unknown as (...a: unknown[]) => Promise<unknown>;
    fn(...args)
      .then((v) => resolve(v as Awaited<ReturnType<Methods[K]>>))
      .catch((e: unknown) =>
        resolve({
          ok: false,
          error: { code: 'unexpected', message: e instanceof Error ? e.message : String(e) },
        } as Awaited<ReturnType<Methods[K]>>),
      )
      .finally(() => inflight.delete(onCrash));
  }) as ReturnType<Methods[K]>;
}

/** The typed facade the UI uses. Every method resolves to a Result. */
export const engine = new Proxy({} as Methods, {
  get(_t, name: string) {
    return (...args: unknown[]) => call(name as keyof Methods, ...(args as never));
  },
});

export function onWorkerCrash(listener: (e: AppError) => void): () => void {
  crashListeners.push(listener);
  return () => {
    crashListeners = crashListeners.filter((l) => l !== listener);
  };
}

/** Wraps a callback so that the worker can call it (progress reports). */
export function callback<T extends (...a: never[]) => unknown>(fn: T): T {
  return proxy(fn);
}
