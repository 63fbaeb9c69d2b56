/**
 * A campaign saved on a dataset at an earlier as-of date C and measured on the same dataset at a later as-of date,
 * through the worker API with the real list core. Every figure is counted by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { freshDatabasePerTest, importCsv, unwrap } from './worker-fixture';
import { api } from '../../src/worker/api';
import { EMPTY_FIGURES } from '../../src/shared/figures';

freshDatabasePerTest('campaign-asof');

// One export up to 2024-09-15. C = 2024-03-31; the window of 90 days after C is (2024-03-31, 2024-06-29].
// At C with N = 12 months, inactive means a last purchase on or before C − 366 days = 2023-03-31 (2024 is a leap
// year): A (2023-01-10), B (2023-02-10), C (2023-03-10). D (2023-04-10), E, F and G are active at C. The lines after C
// do not exist at C. H (2022-01-01 and C itself) only gives the export the two years of history the reactivation
// list needs (730 days before C, as the self-check's rule); H is active at C and never on the list.
const CSV = [
  'Kunde;Datum;Betrag;Kategorie',
  'H;01.01.2022;10,00;Schrauben',
  'H;31.03.2024;10,00;Schrauben',
  'A;10.01.2023;100,00;Schrauben',
  'B;10.02.2023;200,00;Schrauben',
  'C;10.03.2023;50,00;Dübel',
  'D;10.04.2023;80,00;Schrauben',
  'E;10.05.2023;60,00;Schrauben',
  'F;10.06.2023;90,00;Schrauben',
  'G;31.03.2024;10,00;Schrauben',
  'A;15.04.2024;120,00;Dübel', //       in the window
  'B;01.07.2024;300,00;Schrauben', //   after the window
  'C;20.05.2024;40,00;Schrauben', //    in the window
  'C;21.05.2024;-15,00;Schrauben', //   a return in the window
  'D;01.05.2024;70,00;Dübel', //        in the window, not on the list
  'G;15.09.2024;5,00;Schrauben', //     sets the last day
].join('\n');

describe('a campaign on one dataset at two as-of dates', () => {
  it('is saved at C and measured at the later as-of; at C itself there is no later data', async () => {
    const ds = await importCsv(CSV);
    const info = unwrap(
      await api.saveCampaign({
        datasetId: ds.id,
        asOf: '2024-03-31',
        figures: EMPTY_FIGURES,
        options: {
          name: 'Rückgewinnung',
          query: { list: 'reactivation', inactiveMonths: 12, sort: 'id', descending: false },
          top: null,
          holdOutShare: 0,
          windowDays: 90,
          stages: [],
        },
      }),
    );
    expect(info).toMatchObject({ datasetId: ds.id, savedAsOf: '2024-03-31', size: 3, comparisonSize: 0 });

    // At the dataset's last day (2024-09-15): A bought on 04-15 (120), C on 05-20 (40) with a return of 15 on 05-21,
    // B only on 07-01, after the window. Converted 2 of 3; revenue 120 + 40 − 15 = 145. D's purchase does not count.
    const later = unwrap(await api.campaignOutcome({ datasetId: ds.id, campaignId: info.id }));
    expect(later).toMatchObject({
      asOf: '2024-09-15',
      windowStart: '2024-03-31',
      windowEnd: '2024-06-29',
      partial: false,
      kind: 'winBack',
      listReason: null,
      comparisonReason: 'noComparison',
      comparison: null,
      uplift: null,
    });
    expect(later.list).toMatchObject({ size: 3, converted: 2, revenue: 145, missing: 0 });
    expect(later.list!.rate).toBeCloseTo(2 / 3, 12);

    // At an as-of date of 2024-05-15: the window is cut to (03-31, 05-15], only A's purchase: 1 of 3, revenue 120.
    const cut = unwrap(
      await api.campaignOutcome({ datasetId: ds.id, asOf: '2024-05-15', campaignId: info.id }),
    );
    expect(cut).toMatchObject({ asOf: '2024-05-15', windowEnd: '2024-05-15', partial: true });
    expect(cut.list).toMatchObject({ size: 3, converted: 1, revenue: 120 });

    // At C itself: nothing after C is known yet.
    const atC = unwrap(
      await api.campaignOutcome({ datasetId: ds.id, asOf: '2024-03-31', campaignId: info.id }),
    );
    expect(atC).toMatchObject({ asOf: '2024-03-31', list: null, listReason: 'noLaterData' });
  });
});
