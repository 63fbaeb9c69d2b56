import { describe, expect, it } from 'vitest';
import { Generations, PagedQuery, Query } from '../../src/client/query.svelte';
import type { AppError, Result } from '../../src/shared/errors';

/** A request whose answer the test delivers by hand, in any order. */
interface Pending<T> {
  request: string;
  resolve: (r: Result<T>) => void;
  reject: (e: unknown) => void;
}

function controlled<T>() {
  const calls: Pending<T>[] = [];
  const fetch = (request: string) =>
    new Promise<Result<T>>((resolve, reject) => calls.push({ request, resolve, reject }));
  return { calls, fetch };
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'unexpected', message } satisfies AppError,
});
/** Lets the awaiting `run` continue after an answer was delivered. */
const settled = () => new Promise((r) => setTimeout(r, 0));

describe('Generations', () => {
  it('only the newest generation is current; end() ends them all', () => {
    const g = new Generations();
    const a = g.begin();
    const b = g.begin();
    expect([g.current(a), g.current(b)]).toEqual([false, true]);
    g.end();
    expect(g.current(b)).toBe(false);
  });
});

describe('Query', () => {
  it('a slow older answer resolved after a newer one never replaces the newer result', async () => {
    const { calls, fetch } = controlled<string>();
    const q = new Query(fetch);
    const older = q.run('2024-01-31');
    const newer = q.run('2024-06-30');
    expect(calls.map((c) => c.request)).toEqual(['2024-01-31', '2024-06-30']);
    calls[1].resolve(ok('June figures'));
    await newer;
    expect(q.result).toBe('June figures');
    expect(q.loading).toBe(false);
    calls[0].resolve(ok('January figures'));
    await older;
    await settled();
    expect(q.result).toBe('June figures');
    expect(q.loading).toBe(false);
    expect(q.error).toBeNull();
  });

  it('loading stays true until the newest answer arrives, even when an older one comes first', async () => {
    const { calls, fetch } = controlled<number>();
    const q = new Query(fetch);
    expect(q.loading).toBe(false);
    void q.run('a');
    void q.run('b');
    expect(q.loading).toBe(true);
    calls[0].resolve(ok(1));
    await settled();
    expect(q.loading).toBe(true);
    expect(q.result).toBeNull();
    calls[1].resolve(ok(2));
    await settled();
    expect(q.loading).toBe(false);
    expect(q.result).toBe(2);
  });

  it('errors of superseded requests are dropped; the newest error is kept beside the last result', async () => {
    const { calls, fetch } = controlled<number>();
    const q = new Query(fetch);
    void q.run('a');
    void q.run('b');
    calls[1].resolve(ok(2));
    await settled();
    calls[0].resolve(fail('older failed'));
    await settled();
    expect(q.error).toBeNull();
    expect(q.result).toBe(2);
    // A rejected (thrown) older request is dropped too.
    void q.run('c');
    void q.run('d');
    calls[3].resolve(fail('newest failed'));
    await settled();
    calls[2].reject(new Error('older threw'));
    await settled();
    expect(q.error?.message).toBe('newest failed');
    expect(q.result).toBe(2);
    expect(q.loading).toBe(false);
  });

  it('a thrown fetch becomes an unexpected error; clearOnError drops the old result', async () => {
    const q = new Query<string, number>(
      async (r) => (r === 'boom' ? Promise.reject(new Error('boom')) : ok(7)),
      {
        clearOnError: true,
      },
    );
    await q.run('fine');
    expect(q.result).toBe(7);
    await q.run('boom');
    expect(q.error).toEqual({ code: 'unexpected', message: 'boom' });
    expect(q.result).toBeNull();
  });

  it('run resolves to whether its answer was taken: false when a newer request superseded it', async () => {
    const { calls, fetch } = controlled<number>();
    const q = new Query(fetch);
    const older = q.run('a');
    const newer = q.run('b');
    calls[0].resolve(ok(1));
    calls[1].resolve(fail('b failed'));
    expect(await older).toBe(false);
    expect(await newer).toBe(true);
    expect(q.error?.message).toBe('b failed');
  });

  it('reset drops the answers still pending', async () => {
    const { calls, fetch } = controlled<number>();
    const q = new Query(fetch);
    void q.run('a');
    q.reset();
    expect(q.loading).toBe(false);
    calls[0].resolve(ok(1));
    await settled();
    expect(q.result).toBeNull();
  });
});

describe('PagedQuery', () => {
  interface Call {
    request: string;
    page: number;
    resolve: (r: Result<{ rows: string[]; total: number }>) => void;
  }
  function paged() {
    const calls: Call[] = [];
    const q = new PagedQuery<string, { rows: string[]; total: number }>(
      (request, page) => new Promise((resolve) => calls.push({ request, page, resolve })),
      2,
    );
    return { q, calls };
  }

  it('pages of a superseded list are dropped; the new list starts empty', async () => {
    const { q, calls } = paged();
    void q.run('by revenue');
    void q.run('by name');
    expect(q.pages).toEqual({});
    calls[1].resolve(ok({ rows: ['Anna', 'Bert'], total: 3 }));
    await settled();
    calls[0].resolve(ok({ rows: ['Zoe', 'Yann'], total: 3 }));
    await settled();
    expect(q.pages).toEqual({ 0: ['Anna', 'Bert'] });
    expect(q.latest?.total).toBe(3);
    expect(q.loading).toBe(false);
  });

  it('a page is asked for once while it is on its way or there, and for the current request', async () => {
    const { q, calls } = paged();
    void q.run('r');
    void q.need(0);
    void q.need(1);
    void q.need(1);
    expect(calls.map((c) => `${c.request}:${c.page}`)).toEqual(['r:0', 'r:1']);
    calls[0].resolve(ok({ rows: ['a', 'b'], total: 3 }));
    calls[1].resolve(ok({ rows: ['c'], total: 3 }));
    await settled();
    void q.need(1);
    expect(calls).toHaveLength(2);
    expect(q.pages).toEqual({ 0: ['a', 'b'], 1: ['c'] });
  });
});
