/**
 * What a feature hands to the worker API: a handler, a plain object of async functions that return values and throw
 * AppFailure. `mergeHandlers` turns handlers into one API: each method is wrapped in `guard` once, so that every
 * call resolves to a Result (errors cross the worker boundary as data), and a method name defined twice is refused.
 */
import { ok, toAppError, type Result } from '../shared/errors';

/** A feature's methods. Arguments pass through unchanged (also Comlink callbacks such as `onProgress`). */
export type Handler = Record<string, (...args: never[]) => Promise<unknown>>;

/** The methods of a handler as the API offers them: the same arguments, the value wrapped in a Result. */
export type Guarded<H> = {
  [K in keyof H]: H[K] extends (...args: infer A) => Promise<infer R>
    ? (...args: A) => Promise<Result<R>>
    : never;
};

type Merged<T extends readonly unknown[]> = T extends readonly [infer First, ...infer Rest]
  ? First & Merged<Rest>
  : unknown;

/** Runs `fn` and turns what it returns or throws into a Result. */
export async function guard<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await fn());
  } catch (e) {
    return { ok: false, error: toAppError(e) };
  }
}

/** One API from the handlers, every method guarded. Throws if two handlers define the same method. */
export function mergeHandlers<const T extends readonly Handler[]>(...handlers: T): Guarded<Merged<T>> {
  const api: Record<string, (...args: unknown[]) => Promise<Result<unknown>>> = {};
  for (const handler of handlers) {
    for (const [name, fn] of Object.entries(handler)) {
      if (Object.hasOwn(api, name)) throw new Error(`The worker method "${name}" is defined twice.`);
      const method = fn as (...args: unknown[]) => Promise<unknown>;
      api[name] = (...args) => guard(() => method(...args));
    }
  }
  return api as Guarded<Merged<T>>;
}
