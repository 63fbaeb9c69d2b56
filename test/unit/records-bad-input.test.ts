/**
 * Bad input in customer master data and marketing spend, through the worker API as the app runs it: the rules the
 * order lines have (stray quotes, too few fields, dates far outside, another currency, UTF-16, empty and header-only
 * files) hold for the record files too, each with its reason and line, the rest imported, nothing kept on a refusal.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { api } from '../../src/worker/api';
import * as records from '../../src/storage/records';
import { freshDatabasePerTest, unwrap } from './worker-fixture';
import type { RecordFileInfo } from '../../src/shared/economics';

freshDatabasePerTest('records-bad-input');

async function importRecords(ws: number, source: 'customers' | 'spend', file: File): Promise<RecordFileInfo> {
  const answer = unwrap(await api.sniffFile(file, undefined, source));
  return unwrap(await api.startImport(ws, file, answer.options)) as RecordFileInfo;
}

const text = (lines: string[]) => lines.join('\r\n') + '\r\n';

describe('bad input in record files', () => {
  it('master data: a stray quote costs its own line, a far-off date and an empty id their rows', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const csv = text([
      'Kundennummer;Firma;Erstkontakt;NPS',
      'K-1;Alpha GmbH;15.03.2023;9', // 2 ok
      'K-2;"Beta KG;01.04.2023;8', // 3 a quote that never closes
      'K-3;Gamma AG;01.01.1850;7', // 4 outlierDate
      ';Ohne Nummer;01.02.2023;5', // 5 missingCustomer
      'K-5;Delta OHG;02.02.2023;6', // 6 ok
      'K-6;Epsilon;03.02.2023;10', // 7 ok
    ]);
    const info = await importRecords(ws, 'customers', new File([csv], 'kunden.csv'));
    expect(info.summary).toMatchObject({ rowsRead: 6, imported: 3, rejected: 3 });
    const rej = unwrap(await api.recordRejects('customers', info.id));
    const byLine = Object.fromEntries(rej.rows.map((r) => [r.line, r.reason]));
    expect(byLine[4]).toBe('outlierDate');
    expect(byLine[5]).toBe('missingCustomer');
    expect(['unclosedQuote', 'swallowedLines']).toContain(byLine[3]);
    const row = await records.getRecordFile('customers', info.id);
    expect(row!.data.dicts.customer.filter((id, c) => row!.data.codes.customer.includes(c))).toEqual([
      'K-1',
      'K-5',
      'K-6',
    ]);
  });

  it('spend: too few fields and an amount in another currency are rejected with their reasons', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const csv = text([
      'Monat;Kanal;Kosten',
      '01.2024;Messe;1.000,00 €', // 2 ok
      '02.2024;Messe', // 3 tooFewFields
      '03.2024;Messe;500,00 USD', // 4 otherCurrency
      '04.2024;Webshop;250,00', // 5 ok
      '05.2024;Webshop;300,00', // 6 ok
      ...Array.from({ length: 12 }, (_, i) => `${String(i + 1).padStart(2, '0')}.2025;Webshop;100,00`), // 7–18 ok
    ]);
    const info = await importRecords(ws, 'spend', new File([csv], 'spend.csv'));
    expect(info.summary).toMatchObject({ imported: 15, rejected: 2 });
    const rej = unwrap(await api.recordRejects('spend', info.id));
    expect(rej.rows.map((r) => [r.line, r.reason])).toEqual([
      [3, 'tooFewFields'],
      [4, 'otherCurrency'],
    ]);
    const row = await records.getRecordFile('spend', info.id);
    expect([...row!.data.numbers.amount].slice(0, 4)).toEqual([1000, 250, 300, 100]);
  });

  it('master data: ids that repeat are counted in the summary; the last row of an id is used', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const csv = text([
      'Kundennummer;Firma',
      'K-1;Alt GmbH',
      'K-2;Beta KG',
      'K-1;Neu GmbH',
      'K-1;Neuer GmbH',
      'K-3;Gamma',
    ]);
    const info = await importRecords(ws, 'customers', new File([csv], 'kunden.csv'));
    expect(info.summary).toMatchObject({ imported: 5, duplicateIds: 2 });
    const clean = await importRecords(ws, 'customers', new File([text(['Kundennummer', 'A', 'B'])], 'b.csv'));
    expect(clean.summary?.duplicateIds).toBe(0);
  });

  it('a UTF-16 master file with a byte-order mark imports with its umlauts', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const csv = text(['Kundennummer;Firma;Branche', 'K-1;Müller GmbH;Großhandel', 'K-2;Schäfer KG;Handwerk']);
    const bytes = new Uint8Array(2 + csv.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < csv.length; i++) {
      bytes[2 + 2 * i] = csv.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = csv.charCodeAt(i) >> 8;
    }
    const info = await importRecords(ws, 'customers', new File([bytes], 'kunden-utf16.csv'));
    expect(info.summary).toMatchObject({ imported: 2, rejected: 0, encoding: 'utf-16le' });
    const row = await records.getRecordFile('customers', info.id);
    expect(row!.data.dicts.name).toEqual(['Müller GmbH', 'Schäfer KG']);
  });

  it('an empty file and a file of only a header are refused with their codes, and nothing is kept', async () => {
    const ws = unwrap(await api.createWorkspace('W'));
    const empty = await api.sniffFile(new File([], 'leer.csv'), undefined, 'spend');
    expect(empty.ok ? null : empty.error.code).toBe('emptyFile');
    const header = await api.sniffFile(new File(['Monat;Kanal;Kosten\r\n'], 'kopf.csv'), undefined, 'spend');
    expect(header.ok ? null : header.error.code).toBe('headerOnly');
    expect(unwrap(await api.listRecordFiles(ws))).toEqual({ customers: [], spend: [] });
  });
});
