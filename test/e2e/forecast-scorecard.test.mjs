// The model scorecard in Chromium: CDNOW (weeks, calibration end 1997-09-30) in German. The figures are those of
// docs/forecast-models.md (BG/NBD and Pareto/NBD log-likelihoods as published for CDNOW by Fader, Hardie & Lee
// 2005: −9582.4 and −9595.0; MBG/NBD −9582.14 from the BTYDplus fit), 1,882 actual holdout occasions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { startApp, hasSharedData, SHARED_DATA, text, SCREENSHOTS } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

/** A German number or amount ("1.973", "28,84 €") as a number. */
const deNum = (s) => Number(s.replace(/[^\d,-]/g, '').replace(',', '.'));

/** The 80 % and 95 % ends of a range text "80 %: a–b 95 %: c–d" (German). */
function rangeEnds(s) {
  const m = s.match(/80 %: (.+?)–(.+?)\s*95 %: (.+?)–(.+)$/);
  assert.ok(m, `not a range: ${s}`);
  return m.slice(1, 5).map(deNum);
}

/** A percentage as the locale formatter writes it ("12 %", "0,30 %", "< 0,01 %"; a no-break space before %). */
const PCT = '(?:< )?\\d+(?:,\\d+)?\\s%';

/** A range cell's ends "a–b" (German numbers or amounts). */
function ends(s) {
  const parts = s.split('–');
  assert.equal(parts.length, 2, `not a range: ${s}`);
  return parts.map(deNum);
}

/** The 80 % and 95 % ends of a holdout line "vorhergesagt p (80 %: a–b; 95 %: c–d) · tatsächlich q". */
function holdoutEnds(s) {
  const m = s.match(/80 %: (.+?)–(.+?); 95 %: (.+?)–(.+?)\)/);
  assert.ok(m, `no ranges: ${s}`);
  return m.slice(1, 5).map(deNum);
}

const skip = hasSharedData ? false : 'needs ../shared/data (absent)';

/** German numbers; a minus may be written as a hyphen or as a minus sign. */
const de = (s) => new RegExp(`^${s.replace(/[.]/g, '\\.').replace(/^-/, '[-−]')}$`);

async function settled(page, selector) {
  await page.waitForFunction(
    (sel) => document.querySelector(sel) && !document.querySelector('[data-testid=fc-busy]'),
    selector,
    { timeout: 90_000 },
  );
}

test(
  'CDNOW: the scorecard shows the four candidates, proposes Pareto/NBD, and "use this model" switches to MBG/NBD',
  { skip, timeout: 180_000 },
  async () => {
    const { page, context } = await app.open({ locale: 'de-DE' });
    await page.setInputFiles('[data-testid=file-input]', resolve(SHARED_DATA, 'cdnow_sample.csv'));
    await page.waitForSelector('[data-testid=preview] tbody tr');
    await page.click('[data-testid=start-import]');
    await page.waitForSelector('[data-testid=import-summary]', { timeout: 60_000 });
    await page.click('[data-testid=nav-forecast]');
    await page.waitForSelector('[data-testid=fc-settings]');
    await page.selectOption('[data-testid=fc-unit]', 'week');
    await page.fill('[data-testid=fc-calibration-end]', '1997-09-30');
    await page.locator('[data-testid=fc-calibration-end]').dispatchEvent('change');
    await settled(page, '[data-testid=fc-scorecard]');

    const rows = await page.$$eval('[data-testid^=fc-sc-row-]', (els) =>
      els.map((e) => e.getAttribute('data-testid')),
    );
    assert.deepEqual(rows, ['fc-sc-row-bgnbd', 'fc-sc-row-paretonbd', 'fc-sc-row-mbgnbd', 'fc-sc-row-naive']);

    // Log-likelihoods in the German number format; the naive baseline has none, said in words.
    assert.match(await text(page, 'fc-sc-ll-bgnbd'), de('-9.582,43'));
    assert.match(await text(page, 'fc-sc-ll-paretonbd'), de('-9.594,98'));
    assert.match(await text(page, 'fc-sc-ll-mbgnbd'), de('-9.582,14'));
    assert.equal(await text(page, 'fc-sc-ll-naive'), '— keine (kein Modell)');

    // Predicted holdout totals against the 1,882 actual occasions; the naive baseline over-predicts threefold.
    assert.equal(await text(page, 'fc-sc-predicted-bgnbd'), '1.653,4');
    assert.equal(await text(page, 'fc-sc-predicted-paretonbd'), '1.665,5');
    assert.equal(await text(page, 'fc-sc-predicted-mbgnbd'), '1.576,7');
    assert.equal(await text(page, 'fc-sc-predicted-naive'), '5.769,3');
    assert.equal(await text(page, 'fc-sc-actual'), '1.882');
    assert.match(await text(page, 'fc-sc-error-paretonbd'), de('-11,5 %'));
    assert.equal(await text(page, 'fc-sc-error-naive'), '+206,5 %');
    assert.equal(await text(page, 'fc-sc-mae-paretonbd'), '0,755');

    // The proposal in words: the three models' MAEs are within 5 %, Pareto/NBD is closest on the total.
    const proposal = await text(page, 'fc-sc-proposal');
    assert.match(proposal, /^Vorschlag: Pareto\/NBD\./);
    assert.match(proposal, /[-−]11,5 % gegen [-−]12,1 % bei BG\/NBD/);
    assert.match(await text(page, 'fc-sc-row-paretonbd'), /Vorschlag/);

    // The holdout card: BG/NBD's predicted total 1,653.4 with its 80 % and 95 % ranges against the 1,882 actual
    // occasions. The 95 % range brackets the prediction and ends below 1,882, so the card says the actual total lies
    // above it, and what the ranges do not cover.
    const line = await text(page, 'fc-holdout-range');
    assert.match(line, /^vorhergesagt 1\.653 \(80 %: .+–.+; 95 %: .+–.+\) · tatsächlich 1\.882$/);
    const [h80lo, h80hi, h95lo, h95hi] = holdoutEnds(line);
    assert.ok(h95lo <= h80lo && h80lo < 1653.4 && 1653.4 < h80hi && h80hi <= h95hi, line);
    assert.ok(h95hi < 1882, line);
    assert.match(
      await text(page, 'fc-holdout-verdict'),
      /^Die tatsächliche Summe liegt über der 95-%-Spanne/,
    );
    assert.match(
      await text(page, 'fc-holdout-outside'),
      /Unsicherheit der geschätzten Parameter und den Zufall der Käufe, nicht aber ein Modell, das nicht zu den Daten passt/,
    );

    // BG/NBD is in use (the default); the proposal does not change the user's choice.
    assert.match(await text(page, 'fc-sc-row-bgnbd'), /In Verwendung/);
    assert.equal(await page.locator('[data-testid=fc-sc-use-bgnbd]').count(), 0);
    assert.equal(await page.locator('[data-testid=fc-sc-use-naive]').count(), 0);
    assert.equal(await page.inputValue('[data-testid=fc-model]'), 'bgnbd');
    assert.equal(await text(page, 'fc-param-validation-r'), '0,243');

    // The totals' 80 % and 95 % ranges contain the point figure, the 95 % range the 80 % one.
    const expected = deNum(await text(page, 'fc-expected-total'));
    const [lo80, hi80, lo95, hi95] = rangeEnds(await text(page, 'fc-expected-range'));
    assert.ok(
      lo95 <= lo80 && lo80 < expected && expected < hi80 && hi80 <= hi95,
      `${lo95} ${lo80} ${expected}`,
    );
    const meanClv = deNum(await text(page, 'fc-mean-clv-value'));
    const [c80, d80, c95, d95] = rangeEnds(await text(page, 'fc-mean-clv-range'));
    assert.ok(c95 <= c80 && c80 < meanClv && meanClv < d80 && d80 <= d95, `${c80} ${meanClv} ${d80}`);
    assert.match(await text(page, 'fc-clv-range'), /80 %: .+€.*95 %: .+€/);
    // Each RFM segment's means carry their 80 % and 95 % ranges, the mean P(alive) too: percentages from 0 to 100,
    // the 95 % range around the 80 % one.
    assert.ok((await page.locator('[data-testid=fc-groups] .band').count()) >= 4);
    const pAliveRanges = await page.$$eval('[data-testid=fc-group-range-palive]', (els) =>
      els.map((e) => e.textContent.trim()),
    );
    assert.ok(pAliveRanges.length >= 4, pAliveRanges.join(' | '));
    for (const s of pAliveRanges) {
      assert.match(s, new RegExp(`^80 %: ${PCT}–${PCT}\\s+·\\s+95 %: ${PCT}–${PCT}$`));
      const [a80, b80, a95, b95] = rangeEnds(s);
      assert.ok(0 <= a95 && a95 <= a80 && a80 <= b80 && b80 <= b95 && b95 <= 100, s);
    }
    assert.match(await text(page, 'fc-groups'), /Spannen \(80 % und 95 %\)/);
    // The German view with the scorecard, the proposal and the ranges.
    await page.screenshot({ path: resolve(SCREENSHOTS, 'forecast-scorecard-de.png'), fullPage: true });

    // The customer table's forecast columns carry each customer's 80 % range, around the point figure.
    await page.click('[data-testid=nav-customers]');
    await page.waitForSelector('[data-testid=cu-clv-range]', { timeout: 60_000 });
    const cells = await page.$$eval('[data-testid=cu-clv]', (els) =>
      els.slice(0, 10).map((e) => [e.firstChild.textContent, e.querySelector('.band')?.textContent ?? '']),
    );
    for (const [point, band] of cells) {
      const [lo, hi] = band.split('–').map(deNum);
      assert.ok(lo <= deNum(point) && deNum(point) <= hi, `${point}: ${band}`);
    }
    // P(alive) too: the 80 % range in sight, both ranges in the cell's tooltip and accessible text, the 95 % range
    // around the point (the ranges are of the parameters' uncertainty; the point is the fit's).
    await page.waitForSelector('[data-testid=cu-palive-range]');
    const alive = await page.$$eval('[data-testid=cu-palive]', (els) =>
      els
        .filter((e) => e.querySelector('.band'))
        .slice(0, 10)
        .map((e) => [
          e.firstChild.textContent,
          e.querySelector('.band').textContent,
          e.querySelector('.visually-hidden').textContent,
          e.getAttribute('title'),
        ]),
    );
    assert.equal(alive.length, 10);
    for (const [point, band, spoken, title] of alive) {
      assert.match(band, new RegExp(`^${PCT}–${PCT}$`));
      assert.equal(spoken, title);
      const [a80, b80, a95, b95] = rangeEnds(spoken);
      assert.deepEqual([a80, b80], ends(band));
      assert.ok(a95 <= a80 && a80 <= b80 && b80 <= b95, spoken);
      assert.ok(a95 <= deNum(point) && deNum(point) <= b95, `${point}: ${spoken}`);
    }
    assert.match(await text(page, 'cu-range-hint'), /Spanne 95 % zeigt der Tooltip/);
    await page.click('[data-testid=nav-forecast]');
    await settled(page, '[data-testid=fc-scorecard]');

    // "Dieses Modell verwenden" for MBG/NBD: the settings' model and the fits switch (r = 0.525, α = 6.183).
    await page.click('[data-testid=fc-sc-use-mbgnbd]');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=fc-param-validation-r]')?.textContent.trim() === '0,525' &&
        !document.querySelector('[data-testid=fc-busy]'),
      null,
      { timeout: 90_000 },
    );
    assert.equal(await page.inputValue('[data-testid=fc-model]'), 'mbgnbd');
    assert.equal(await text(page, 'fc-param-validation-alpha'), '6,183');
    assert.match(await text(page, 'fc-diagnostics'), /MBG\/NBD/);
    assert.match(await text(page, 'fc-sc-row-mbgnbd'), /In Verwendung/);
    assert.equal(await page.locator('[data-testid=fc-sc-use-bgnbd]').count(), 1);
    assert.match(await text(page, 'fc-sc-choice-note'), /verwendet MBG\/NBD/);

    // The client report's forecast section follows the view's settings: the scorecard table, the proposal, and
    // the model in use.
    await page.click('[data-testid=nav-report]');
    await page.waitForSelector('[data-testid=rp-fc-scorecard]', { timeout: 120_000 });
    assert.equal(await page.locator('[data-testid^=rp-fc-sc-]').count(), 4);
    // The totals' interval columns: the expected purchases and the CLV over 12 months each with an 80 % and a 95 %
    // range around the point figure.
    for (const row of ['rp-fc-expected', 'rp-fc-clv']) {
      const cells = await page.$$eval(`[data-testid=${row}] td`, (els) =>
        els.map((e) => e.textContent.trim()),
      );
      assert.equal(cells.length, 4, cells.join(' | '));
      const point = deNum(cells[1]);
      const [lo80, hi80] = ends(cells[2]);
      const [lo95, hi95] = ends(cells[3]);
      assert.ok(point > 0, cells[1]);
      assert.ok(lo95 <= lo80 && lo80 <= point && point <= hi80 && hi80 <= hi95, cells.join(' | '));
    }
    // The segments' mean P(alive) with its 80 % range.
    const segAlive = await page.$$eval('[data-testid^=rp-fc-seg-palive-]', (els) =>
      els.map((e) => e.textContent.trim()).filter((t) => t !== '–'),
    );
    assert.ok(segAlive.length >= 4, segAlive.join(' | '));
    for (const s of segAlive) {
      const [a, b] = ends(s);
      assert.ok(0 <= a && a <= b && b <= 100, s);
    }
    assert.match(await text(page, 'rp-fc-sc-bgnbd'), /1\.653,4/);
    assert.match(await text(page, 'rp-fc-sc-bgnbd'), /[-−]9\.582,43/);
    assert.match(await text(page, 'rp-fc-sc-paretonbd'), /Vorschlag/);
    assert.match(await text(page, 'rp-fc-sc-naive'), /5\.769,3/);
    const rpProposal = await text(page, 'rp-fc-proposal');
    assert.match(rpProposal, /^Vorschlag: Pareto\/NBD\./);
    assert.match(rpProposal, /verwendet MBG\/NBD\.$/);
    // The holdout sentence follows the model in use (MBG/NBD, predicted 1,576.7); its words match where 1,882 lies.
    const rpHoldout = await text(page, 'rp-fc-holdout');
    assert.match(
      rpHoldout,
      /^Summe im Holdout mit MBG\/NBD: vorhergesagt 1\.577 \(80 %: .+\) · tatsächlich 1\.882\./,
    );
    const [m80lo, m80hi, m95lo, m95hi] = holdoutEnds(rpHoldout);
    assert.ok(m95lo <= m80lo && m80lo < 1576.7 && 1576.7 < m80hi && m80hi <= m95hi, rpHoldout);
    if (m95hi < 1882)
      assert.match(rpHoldout, /über der 95-%-Spanne.*nicht aber ein Modell, das nicht zu den Daten passt/);
    else if (m80hi < 1882) assert.match(rpHoldout, /über der 80-%-Spanne, aber in der 95-%-Spanne/);
    else assert.match(rpHoldout, /liegt in der 80-%-Spanne/);
    assert.match(await text(page, 'rp-appendix'), /Welches Modell trifft am besten\?/);
    assert.match(await text(page, 'rp-appendix'), /Spannen der Prognose/);
    await context.close();
  },
);
