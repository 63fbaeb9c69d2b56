import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sniff, SNIFF_BYTES } from '../../src/ingest/sniff';
import { defaultOptions } from '../../src/ingest/mapping';
import { runImport } from '../../src/ingest/import';
import { MemorySink } from '../../src/ingest/memory-sink';
import { hasSharedData, nodeFileSource, sharedFile } from './helpers';

describe.skipIf(!hasSharedData)('Online Retail import (../shared/data)', () => {
  it('reproduces the known totals', async () => {
    const path = sharedFile('online_retail.csv');
    const head = readFileSync(path).subarray(0, SNIFF_BYTES);
    const s = sniff(head, 'online_retail.csv', nodeFileSource(path).size);
    const opts = defaultOptions(s);
    expect(opts.roles).toMatchObject({
      customer: 6,
      date: 4,
      quantity: 3,
      unitPrice: 5,
      orderId: 0,
      product: 1,
      region: 7,
    });
    expect(opts.cancelPrefix).toBe('C');
    const sink = new MemorySink();
    const t0 = performance.now();
    const res = await runImport(nodeFileSource(path), opts, s.headers, sink);
    console.log('online retail import ms', Math.round(performance.now() - t0));
    const sum = res.summary;
    expect(sum.rowsRead).toBe(541909);
    expect(sum.rejectReasons).toEqual({ missingCustomer: 135080 });
    expect(sum.imported).toBe(406829);
    expect(sum.customers).toBe(4372);
    expect(sum.netRevenue!.toFixed(2)).toBe('8300065.81');
    expect(sum.returnLines).toBe(8905);
    expect(sum.duplicateLines).toBe(5225);
    const rejectedShare = sum.rejectedRevenue.missingCustomer! / sum.revenueWithRejected!;
    expect(rejectedShare.toFixed(3)).toBe('0.149');
    expect(sum.revenueWithRejected!.toFixed(2)).toBe('9747747.93');
    expect(sum.firstDate).toBe('2010-12-01');
    expect(sum.lastDate).toBe('2011-12-09');
    expect(sink.rejects).toHaveLength(135080);
    // The first row without a customer id is line 624 (the header is line 1); its text must be the original line.
    const lines = readFileSync(path, 'utf8').split('\n');
    const firstReject = sink.rejects[0];
    expect(firstReject.line).toBe(624);
    expect(lines[firstReject.line - 1]).toBe(firstReject.raw);
  });
});
