// The self-check's state on a stand-in engine whose answers the test delivers by hand: the answers show only with
// their scores, a slow older score never replaces a newer one, and the evidence of one dataset never shows for
// another (without a dataset, the map's evidence is asked for).
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../src/shared/errors';
import type { SelfCheckScore } from '../../src/worker/handlers/selfcheck';

interface Call<A, T> {
  arg: A;
  resolve: (r: Result<T>) => void;
}
const engine = vi.hoisted(() => ({
  calls: {} as Record<string, Call<unknown, unknown>[]>,
}));
/** A stand-in worker method that records its calls and answers when the test says so. */
const pending =
  (name: string) =>
  (arg: unknown): Promise<unknown> =>
    new Promise((resolve) => (engine.calls[name] ??= []).push({ arg, resolve }));

vi.mock('../../src/client/worker-client', () => ({
  engine: {
    getSelfCheck: pending('getSelfCheck'),
    selfCheckScore: pending('selfCheckScore'),
    selfCheckEvidence: pending('selfCheckEvidence'),
    selfCheckMapEvidence: pending('selfCheckMapEvidence'),
    saveSelfCheck: async () => ({ ok: true, value: true }),
  },
}));

const { selfCheck } = await import('../../src/views/selfcheck/selfcheck-state.svelte');

const settled = () => new Promise((r) => setTimeout(r, 0));
const calls = (name: string) => engine.calls[name] ?? [];
/** A stand-in score whose strategy score tells it apart. */
const score = (strategy: number): Result<SelfCheckScore> => ({
  ok: true,
  value: {
    levels: [{ level: 'strategy', score: strategy, answered: 1, total: 3, open: [] }],
    verdict: { ready: false, missingLevels: ['tactics', 'operations'] },
  },
});
const NO_FIGURES = { cac: null, acquisitionShare: null, existingShare: null };
const scope = (datasetId: number) => ({ datasetId, asOf: null, filters: [] });

describe('the self-check state', () => {
  it('shows the answers with their scores; a slow older score never replaces a newer one', async () => {
    const loading = selfCheck.load(7);
    calls('getSelfCheck')[0].resolve({
      ok: true,
      value: {
        workspaceId: 7,
        answers: { pareto: { answer: 'yes', note: '' } },
        implementation: {},
        figures: {},
        updatedAt: 1,
      },
    });
    await settled();
    // The stored answers went to the worker; until their score is in, the self-check is not shown.
    expect(calls('selfCheckScore')[0].arg).toEqual({ pareto: { answer: 'yes', note: '' } });
    expect(selfCheck.loaded).toBe(false);
    calls('selfCheckScore')[0].resolve(score(100));
    await loading;
    expect(selfCheck.loaded).toBe(true);
    expect(selfCheck.levels?.[0].score).toBe(100);

    selfCheck.setAnswer('segmentValue', 'no');
    selfCheck.setAnswer('segmentValue', 'partly');
    const [, older, newer] = calls('selfCheckScore');
    expect(newer.arg).toEqual({
      pareto: { answer: 'yes', note: '' },
      segmentValue: { answer: 'partly', note: '' },
    });
    newer.resolve(score(75));
    await settled();
    older.resolve(score(50));
    await settled();
    expect(selfCheck.levels?.[0].score).toBe(75);
  });

  it("never shows one dataset's evidence for another; without a dataset it asks for the map's", async () => {
    void selfCheck.loadEvidence(scope(1), null, 100, NO_FIGURES);
    calls('selfCheckEvidence')[0].resolve({ ok: true, value: { pareto: { kind: 'pareto' } } });
    await settled();
    expect(selfCheck.evidence).toEqual({ pareto: { kind: 'pareto' } });
    // Another as-of date of the same dataset: the last evidence stays until the new one is in.
    void selfCheck.loadEvidence({ ...scope(1), asOf: '2024-06-30' }, null, 100, NO_FIGURES);
    expect(selfCheck.evidence).toEqual({ pareto: { kind: 'pareto' } });
    // Another dataset: none until its own arrives; the older answer is dropped.
    void selfCheck.loadEvidence(scope(2), null, 40, { cac: 1250, acquisitionShare: 70, existingShare: null });
    expect(selfCheck.evidence).toBeNull();
    const [, sameDataset, other] = calls('selfCheckEvidence');
    expect(other.arg).toMatchObject({
      datasetId: 2,
      marginPercent: 40,
      valueStream: null,
      user: { cac: 1250, acquisitionShare: 70, existingShare: null },
    });
    sameDataset.resolve({ ok: true, value: { pareto: { kind: 'pareto', stale: true } } });
    await settled();
    expect(selfCheck.evidence).toBeNull();

    const map = {
      steps: 2,
      handoffsFirst90Days: 1,
      handoffsTotal: 1,
      timeToValueDays: null,
      leadTimeDays: 3,
    };
    void selfCheck.loadEvidence(null, map, 100, NO_FIGURES);
    expect(calls('selfCheckMapEvidence')[0].arg).toEqual(map);
    other.resolve({ ok: true, value: { pareto: { kind: 'pareto', dataset: 2 } } });
    calls('selfCheckMapEvidence')[0].resolve({ ok: true, value: { handoffs: { kind: 'handoffs' } } });
    await settled();
    expect(selfCheck.evidence).toEqual({ handoffs: { kind: 'handoffs' } });
  });
});
