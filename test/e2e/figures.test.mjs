// "Your figures" and number entry in Chromium: the CAC typed as `1.250` in the German UI (as `1,250` in the English
// one) is 1250 everywhere it appears: in the field, in the Overview's simple CLV (METRICS.md: AOV × purchase
// frequency × lifespan − CAC, checked against the tiles shown) and in the self-check (whose CLV : CAC evidence uses
// the demo's marketing spend before it, and says so); an
// ambiguous `1.25` is refused with a question, not stored; the value stream editor reads `1,5` hours as 1.5.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, text, importDemo } from './harness.mjs';
import { generateDemoFiles } from '../../scripts/generate-demo.mjs';

// The demo's blended CAC of the last 365 days up to D = 31.12.2025, i.e. of 2025: the spend of its months of 2025
// (all for acquisition) over the new customers of 2025, as the generator counted them.
const demoFiles = generateDemoFiles();
const euros = (s) => Number(s.replace(/\./g, '').replace(',', '.'));
const SPEND_CAC =
  demoFiles.spend.rows.filter((r) => r[0].endsWith('.2025')).reduce((a, r) => a + euros(r[2]), 0) /
  Object.values(demoFiles.stats.newCustomers)
    .flatMap((byMonth) => Object.entries(byMonth))
    .filter(([month]) => month.endsWith('.2025'))
    .reduce((a, [, n]) => a + n, 0);

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

/** A number as the UI writes it, with the half unit of its last digit (the rounding it may carry). */
function reading(s, locale) {
  const m = s.match(/-?[\d.,]+/g)?.find((x) => /\d/.test(x));
  assert.ok(m, `a number in "${s}"`);
  const [group, dec] = locale === 'de' ? ['.', ','] : [',', '.'];
  const plain = m.split(group).join('').replace(dec, '.').replace(/\.$/, '');
  const decimals = plain.includes('.') ? plain.split('.')[1].length : 0;
  const value = Number(plain);
  // "-€1,250.00": the sign stands before the currency.
  const sign = value > 0 && /^[-−]/.test(s.trim()) ? -1 : 1;
  return { value: sign * value, half: 0.5 * 10 ** -decimals };
}

const tileValue = (page, id) => page.locator(`[data-testid=kpi-${id}] .value`).textContent();

async function setCac(page, typed) {
  await page.click('[data-testid=nav-settings]');
  const field = page.locator('[data-testid=fig-cac]');
  await field.fill(typed);
  await field.dispatchEvent('change');
}

async function simpleClvCheck(page, locale, cac) {
  await page.click('[data-testid=nav-overview]');
  await page.waitForSelector('[data-testid=ov-tiles]');
  const r = (id) => tileValue(page, id).then((s) => reading(s, locale));
  const [aov, freq, life] = [await r('aov'), await r('purchaseFrequency'), await r('lifespanYears')];
  // The textbook formula over the tiles as shown, with the rounding each tile may carry.
  const lo = (aov.value - aov.half) * (freq.value - freq.half) * (life.value - life.half) - cac;
  const hi = (aov.value + aov.half) * (freq.value + freq.half) * (life.value + life.half) - cac;
  const simple = await r('clvSimple');
  assert.ok(simple.value >= lo - 0.01 && simple.value <= hi + 0.01, `${simple.value} in [${lo}, ${hi}]`);
  return simple.value;
}

test(
  'German UI: CAC 1.250 is 1250 in the field, the Overview and the self-check',
  { timeout: 180_000 },
  async () => {
    const { page, context } = await app.open({ locale: 'de-DE' });
    await importDemo(page);
    await page.click('[data-testid=nav-overview]');
    await page.waitForSelector('[data-testid=kpi-clvSimple-cac]');
    assert.match(await text(page, 'kpi-clvSimple-cac'), /Keine CAC eingetragen/);
    const withoutCac = await simpleClvCheck(page, 'de', 0);

    // "1.25" is no German number: refused with the English reading offered, nothing stored.
    await setCac(page, '1.25');
    assert.match(await text(page, 'fig-cac-problem'), /Komma.*Meinten Sie 1,25\s€\?/s);
    // Another figure changing does not wipe the refused entry or its message.
    await page.fill('[data-testid=fig-margin]', '100');
    await page.locator('[data-testid=fig-margin]').dispatchEvent('change');
    assert.match(await text(page, 'fig-margin-question'), /100 % Marge heißt: CLV auf Umsatz/);
    assert.equal(await page.inputValue('[data-testid=fig-cac]'), '1.25');
    assert.equal(await page.locator('[data-testid=fig-cac-problem]').count(), 1);
    await setCac(page, '1.250');
    assert.equal(await page.inputValue('[data-testid=fig-cac]'), '1.250,00');
    assert.equal(await page.locator('[data-testid=fig-cac-problem]').count(), 0);

    // The Overview subtracts exactly 1250 and says so.
    await page.click('[data-testid=nav-overview]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=kpi-clvSimple-cac]')?.textContent.includes('1.250,00'),
    );
    const withCac = await simpleClvCheck(page, 'de', 1250);
    assert.ok(Math.abs(withoutCac - 1250 - withCac) < 0.006, `${withoutCac} − 1250 = ${withCac}`);

    // The self-check shows the same figure; its CLV : CAC evidence uses the demo's marketing spend, which comes
    // before the typed CAC, and says so.
    await page.click('[data-testid=nav-selfcheck]');
    await page.waitForSelector('[data-testid=sc-cac]');
    assert.equal(await page.inputValue('[data-testid=sc-cac]'), '1.250,00');
    const cacText = new Intl.NumberFormat('de-DE', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(SPEND_CAC);
    await page.waitForFunction(
      (c) =>
        (document.querySelector('[data-testid=evidence-clvVsCac]')?.textContent ?? '').includes(
          `Akquisitionskosten von ${c}`,
        ),
      cacText,
      { timeout: 90_000 },
    );
    const ev = await text(page, 'evidence-clvVsCac');
    assert.match(ev, /Die Akquisitionskosten stammen aus Ihren Marketingausgaben/);
    const c36 = reading(ev.match(/([\d.]+,\d\d)\s*€ über 36 Monate/)[1], 'de').value;
    const ratio = reading(ev.match(/CAC = ([\d.,]+) : 1/)[1], 'de');
    assert.ok(
      Math.abs(ratio.value - c36 / SPEND_CAC) <= ratio.half + 1e-9,
      `${ratio.value} vs ${c36} / ${SPEND_CAC}`,
    );

    // An unlikely CAC gets a question: 1,25 € against a predicted CLV of over 1.000 €, with 1.250 € one click away.
    await page.fill('[data-testid=sc-cac]', '1,25');
    await page.locator('[data-testid=sc-cac]').dispatchEvent('change');
    await page.waitForSelector('[data-testid=sc-cac-question]');
    assert.match(
      await text(page, 'sc-cac-question'),
      /CAC von 1,25\s€ ist weniger als 1 % des CLV \([\d.]+,\d\d\s€\)\. Stimmt das\? Meinten Sie 1\.250,00\s€\?/,
    );
    await page.click('[data-testid=sc-cac-take]');
    assert.equal(await page.inputValue('[data-testid=sc-cac]'), '1.250,00');
    assert.equal(await page.locator('[data-testid=sc-cac-question]').count(), 0);

    // Kept per workspace: still 1.250 after a reload.
    await page.reload();
    await page.click('[data-testid=nav-settings]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=fig-cac]')?.value === '1.250,00',
      null,
      { timeout: 30_000 },
    );

    // The value stream editor reads "1,5" hours as one and a half, and shows it back in German.
    await page.click('[data-testid=nav-valuestream]');
    await page.click('[data-testid=vs-blank]');
    await page.click('[data-testid=vs-add]');
    const hours = page.locator('[data-testid=vs-step]').first().locator('[data-testid=vs-process]');
    await hours.fill('1,5');
    await hours.dispatchEvent('change');
    assert.equal(await hours.inputValue(), '1,5');
    await hours.fill('0.25');
    await hours.dispatchEvent('change');
    assert.match(await text(page, 'vs-process-problem'), /Meinten Sie 0,25\?/);
    await context.close();
  },
);

test('English UI: CAC 1,250 is 1250 in the Overview', { timeout: 180_000 }, async () => {
  const { page, context } = await app.open({ locale: 'en-GB' });
  await importDemo(page);
  const withoutCac = await simpleClvCheck(page, 'en', 0);
  await setCac(page, '1,5');
  assert.match(await text(page, 'fig-cac-problem'), /point separates.*Did you mean €1\.50\?/s);
  await setCac(page, '1,250');
  assert.equal(await page.inputValue('[data-testid=fig-cac]'), '1,250.00');
  await page.click('[data-testid=nav-overview]');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=kpi-clvSimple-cac]')?.textContent.includes('€1,250.00'),
  );
  const withCac = await simpleClvCheck(page, 'en', 1250);
  assert.ok(Math.abs(withoutCac - 1250 - withCac) < 0.006, `${withoutCac} − 1250 = ${withCac}`);
  await context.close();
});
