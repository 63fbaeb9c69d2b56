// The value stream state asks the worker for the figures through one query: the map loads with its figures, an
// edit keeps the previous figures until the new ones arrive, and a slow older answer never replaces a newer one.
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../src/shared/errors';
import type { ValueStreamFigures } from '../../src/analytics/valuestream';
import type { VsmStep } from '../../src/shared/valuestream';

/** Worker calls whose answers the test delivers by hand, in any order. */
const calls: { method: string; args: unknown[]; resolve: (r: Result<unknown>) => void }[] = [];
vi.mock('../../src/client/worker-client', () => ({
  engine: new Proxy(
    {},
    {
      get:
        (_t, method: string) =>
        (...args: unknown[]) =>
          new Promise((resolve) => calls.push({ method, args, resolve })),
    },
  ),
}));
const { valueStream } = await import('../../src/views/valuestream/valuestream-state.svelte');

const settled = () => new Promise((r) => setTimeout(r, 0));
const last = (method: string) => calls.filter((c) => c.method === method).at(-1)!;

function step(id: string, waitDays: number, handoff: boolean): VsmStep {
  return {
    id,
    name: id,
    phase: 'delivery',
    owner: '',
    processHours: 0,
    waitDays,
    costPerCustomer: 0,
    rating: 'necessary',
    handoff,
  };
}
/** Stand-in figures: only what the evidence reads, told apart by the lead time. */
function figures(leadTimeDays: number, handoffs: number): ValueStreamFigures {
  return {
    leadTimeDays,
    handoffsFirst90Days: handoffs,
    handoffsTotal: handoffs,
    timeToValueDays: null,
  } as ValueStreamFigures;
}

describe('value stream state', () => {
  it('loads the map with its figures, keeps them during an edit, drops a slow older answer', async () => {
    const stored = [step('a', 2, true), step('b', 3, false)];
    const loading = valueStream.load(7);
    last('getValueStream').resolve({ ok: true, value: { workspaceId: 7, steps: stored, updatedAt: 1 } });
    await settled();
    // The figures of the stored map are asked for before the map shows.
    expect(last('valueStreamFigures').args[0]).toEqual(stored);
    expect(valueStream.loaded).toBe(false);
    last('valueStreamFigures').resolve({ ok: true, value: figures(5, 1) });
    await loading;
    expect(valueStream.loaded).toBe(true);
    expect(valueStream.pending).toBe(false);
    expect(valueStream.evidence).toEqual({
      steps: 2,
      handoffsFirst90Days: 1,
      handoffsTotal: 1,
      timeToValueDays: null,
      leadTimeDays: 5,
    });

    // Two edits in a row: until an answer is in, the previous figures stay.
    const older = [step('a', 2, true)];
    const newer = [step('a', 2, true), step('b', 3, true), step('c', 4, true)];
    valueStream.update(older);
    valueStream.update(newer);
    const [askOlder, askNewer] = calls.filter((c) => c.method === 'valueStreamFigures').slice(-2);
    expect(askOlder.args[0]).toEqual(older);
    expect(askNewer.args[0]).toEqual(newer);
    expect(valueStream.pending).toBe(true);
    expect(valueStream.evidence?.leadTimeDays).toBe(5);

    askNewer.resolve({ ok: true, value: figures(9, 3) });
    await settled();
    askOlder.resolve({ ok: true, value: figures(2, 1) });
    await settled();
    expect(valueStream.pending).toBe(false);
    expect(valueStream.shown?.steps).toBe(newer);
    expect(valueStream.evidence).toEqual({
      steps: 3,
      handoffsFirst90Days: 3,
      handoffsTotal: 3,
      timeToValueDays: null,
      leadTimeDays: 9,
    });
    void valueStream.flush();
  });

  it('a visit to a workspace without a map saves nothing; the template choice saves the map', async () => {
    const loading = valueStream.load(8);
    last('getValueStream').resolve({ ok: true, value: null });
    await settled();
    last('valueStreamFigures').resolve({ ok: true, value: figures(0, 0) });
    await loading;
    expect(valueStream.exists).toBe(false);
    const saves = () => calls.filter((c) => c.method === 'saveValueStream').length;
    const before = saves();
    await valueStream.flush(); // leaving the view
    expect(saves()).toBe(before);
    valueStream.update([step('x', 1, false)]);
    const flushing = valueStream.flush();
    await settled();
    expect(saves()).toBe(before + 1);
    expect(last('saveValueStream').args).toEqual([8, [step('x', 1, false)]]);
    last('saveValueStream').resolve({ ok: true, value: true });
    await flushing;
  });
});
