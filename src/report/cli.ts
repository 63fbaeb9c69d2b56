/**
 * npm run report -- <file.csv> [--config mapping.json] [--as-of YYYY-MM-DD] [--figures figures.json] [--margin 0.3] [--cac 50]
 *                   [--customers master.csv] [--spend spend.csv …] [--granularity month|quarter|year]
 * `--figures` reads the JSON the app's "Your figures" card downloads; `--margin` and `--cac` override it. Its cost
 * settings, the customer master file and the spend files feed the `economics` section.
 * Prints one JSON document (docs/report-schema.md) to standard output.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { ByteSource } from '../ingest/parse';
import { buildReport, importRecords, withFigures, type ReportConfig } from './report';
import type { ReportRecordFile } from './economics';
import type { RecordSourceId } from '../shared/economics';
import { cleanFigures, type YourFigures } from '../shared/figures';

function fileSource(path: string): ByteSource & { close(): void } {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  return {
    close: () => closeSync(fd),
    size,
    read: async (offset, length) => {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = new Uint8Array(n);
      readSync(fd, buf, 0, n, offset);
      return buf;
    },
  };
}

/** A number flag in [min, max], or an error that names the flag. */
function numberFlag(flag: string, raw: string | undefined, min: number, max: number): number {
  const n = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    throw new Error(`${flag} needs a number from ${min} to ${max}, not "${raw ?? ''}"`);
  return n;
}

/** Imports a customer master or spend file with the app's import source for it. */
async function recordFile(path: string | undefined, kind: RecordSourceId): Promise<ReportRecordFile> {
  if (!path) throw new Error(`--${kind} needs a file`);
  const source = fileSource(path);
  try {
    const fileName = basename(path);
    return { fileName, ...(await importRecords(source, fileName, kind)) };
  } finally {
    source.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  let file: string | null = null;
  let config: ReportConfig = {};
  let figures: Partial<YourFigures> | null = null;
  let customersFile: string | undefined;
  const spendFiles: string[] = [];
  while (args.length) {
    const a = args.shift()!;
    if (a === '--config')
      Object.assign(config, JSON.parse(readFileSync(args.shift() ?? '', 'utf8')) as ReportConfig);
    else if (a === '--as-of') config.asOf = args.shift();
    else if (a === '--figures')
      // The app writes the file with a BOM (as every download); JSON.parse does not take one.
      figures = JSON.parse(
        readFileSync(args.shift() ?? '', 'utf8').replace(/^\ufeff/, ''),
      ) as Partial<YourFigures>;
    else if (a === '--margin') config.marginRate = numberFlag(a, args.shift(), 0, 1);
    else if (a === '--cac') config.cac = numberFlag(a, args.shift(), 0, Infinity);
    else if (a === '--customers') customersFile = args.shift() ?? '';
    else if (a === '--spend') spendFiles.push(args.shift() ?? '');
    else if (a === '--granularity') {
      const g = args.shift();
      if (g !== 'month' && g !== 'quarter' && g !== 'year')
        throw new Error('--granularity must be month, quarter or year');
      config.economics = { ...config.economics, granularity: g };
    } else if (a === '--forecast') config.forecast = { ...config.forecast };
    else if (a === '--calibration-end') (config.forecast ??= {}).calibrationEnd = args.shift();
    else if (a === '--time-unit') {
      const unit = args.shift();
      if (unit !== 'day' && unit !== 'week') throw new Error('--time-unit must be day or week');
      (config.forecast ??= {}).timeUnit = unit;
    } else if (a === '--horizon-months') {
      const h = args.shift();
      if (h !== '12' && h !== '36') throw new Error('--horizon-months must be 12 or 36');
      (config.forecast ??= {}).horizonMonths = Number(h);
    } else if (a === '--discount') (config.forecast ??= {}).discount = numberFlag(a, args.shift(), 0, 1);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else file = a;
  }
  if (figures) {
    config = withFigures(config, figures);
    // The whole figures (cost settings, budget split, …) feed the economics section.
    config.economics = { ...config.economics, figures: cleanFigures(figures) };
  }
  if (!file) {
    process.stderr.write(
      'usage: npm run report -- <file.csv> [--config mapping.json] [--as-of YYYY-MM-DD] [--figures figures.json]\n' +
        '       [--margin 0.3] [--cac 50] [--customers master.csv] [--spend spend.csv …] [--granularity month|quarter|year]\n' +
        '       [--forecast [--calibration-end YYYY-MM-DD] [--time-unit day|week] [--horizon-months 12|36] [--discount 0.01]]\n',
    );
    return 2;
  }
  const customers = customersFile === undefined ? null : await recordFile(customersFile, 'customers');
  const spend: ReportRecordFile[] = [];
  for (const f of spendFiles) spend.push(await recordFile(f, 'spend'));
  config.economics = { ...config.economics, customers, spend };
  const source = fileSource(file);
  try {
    const doc = await buildReport(source, basename(file), config);
    const end = config.forecast?.calibrationEnd;
    if (end && doc.forecast && !doc.forecast.validation)
      process.stderr.write(
        `note: the calibration end ${end} is not before the as-of date ${doc.asOf}: no holdout validation; ` +
          '`models` are the fits on all data up to the as-of date\n',
      );
    process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    return 0;
  } finally {
    source.close();
  }
}

main(process.argv.slice(2)).then(
  // Not process.exit: it would cut off a large document still being written to a pipe.
  (code) => (process.exitCode = code),
  (e: unknown) => {
    const err = e as { message?: string; code?: string };
    process.stderr.write(`report failed: ${err.code ? `${err.code}: ` : ''}${err.message ?? String(e)}\n`);
    process.exit(1);
  },
);
