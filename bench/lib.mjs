// Shared by the browser benchmarks: where generated inputs and results go, and a sampler of the JS heap.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../test/e2e/harness.mjs';

/** Generated inputs. */
export const TMP = resolve(ROOT, 'bench/tmp');
/** The JSON results. */
export const RESULTS = resolve(ROOT, 'bench/results');
mkdirSync(RESULTS, { recursive: true });
mkdirSync(TMP, { recursive: true });

/**
 * Samples the JS heap of the page and of its workers through the Chrome DevTools Protocol every `everyMs` between
 * start() and stop(). Each sample interrupts the worker, so sampled runs are slower than unsampled ones.
 */
export async function heapSampler(page, everyMs) {
  const cdp = await page.context().newCDPSession(page);
  const workerSessions = new Set();
  let msgId = 1;
  const pending = new Map();
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workerSessions.add(e.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    pending.get(m.id)?.(m.result);
    pending.delete(m.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const workerHeap = async () => {
    let total = 0;
    for (const sessionId of workerSessions) {
      const id = msgId++;
      const res = new Promise((r) => pending.set(id, r));
      await cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
      });
      const r = await Promise.race([res, new Promise((t) => setTimeout(() => t(null), 500))]);
      total += r?.usedSize ?? 0;
    }
    return total;
  };
  let peakPage = 0;
  let peakWorker = 0;
  let startPage = 0;
  let startWorker = 0;
  let timer = null;
  const sample = async () => {
    const h = await cdp.send('Runtime.getHeapUsage');
    peakPage = Math.max(peakPage, h.usedSize);
    peakWorker = Math.max(peakWorker, await workerHeap());
  };
  return {
    /** Starts sampling; the heap at this moment is the baseline (what the app held before). */
    async start() {
      peakPage = 0;
      peakWorker = 0;
      await sample().catch(() => undefined);
      startPage = peakPage;
      startWorker = peakWorker;
      timer = setInterval(() => void sample().catch(() => undefined), everyMs);
    },
    /** Stops sampling: the baseline and the peak heap since start(), in MiB. */
    async stop() {
      clearInterval(timer);
      await sample().catch(() => undefined);
      return {
        startPageHeapMB: startPage / 2 ** 20,
        startWorkerHeapMB: startWorker / 2 ** 20,
        peakPageHeapMB: peakPage / 2 ** 20,
        peakWorkerHeapMB: peakWorker / 2 ** 20,
      };
    },
  };
}
