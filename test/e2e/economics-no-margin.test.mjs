// The Economics view on a hand-made file without a cost column and with no margin set (German UI): every figure on
// margin shows a dash or a notice with the reason that names the missing margin (METRICS "Economics": "no margin",
// never 0), not "no customers"; the figures that need no margin are there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startApp, text } from './harness.mjs';

const SHOTS = '/tmp/econ-nomargin-shots';
const NO_MARGIN_DE =
  'Keine Marge hinterlegt: in den Einstellungen eine Rohertragsquote (oder die Marge je Warengruppe) eintragen oder eine Kosten-/Margenspalte zuordnen.';

let app;
before(async () => {
  app = await startApp();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

test(
  'Economics without a margin: the reason next to each margin figure, not 0',
  { timeout: 180_000 },
  async () => {
    const { page, context } = await app.open({ locale: 'de-DE' });
    // Five customers, amounts only (no cost, margin or channel column); no margin in the settings.
    const lines = [
      'Kunde;Datum;Betrag',
      'A;28.10.1970;100,00',
      'A;01.12.1971;150,00',
      'B;08.10.1970;50,00',
      'B;18.10.1970;30,00',
      'C;19.06.1972;200,00',
      'D;11.04.1970;40,00',
      'E;24.08.1971;10,00',
      'E;11.03.1972;60,00',
    ];
    await page.click('[data-testid=nav-import]');
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'ohne-marge.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\r\n') + '\r\n', 'latin1'),
    });
    await page.waitForSelector('[data-testid=preview] tbody tr');
    await page.click('[data-testid=start-import]');
    await page.waitForSelector('[data-testid=import-summary]', { timeout: 60_000 });
    await page.click('[data-testid=nav-economics]');
    await page.waitForSelector('[data-testid=ec-channels]', { timeout: 90_000 });

    // Contribution margin: a notice naming the missing margin instead of the tiles (no 0, no "keine Kunden").
    const cm = await text(page, 'ec-cm-unavailable');
    assert.match(cm, /^Ohne Marge gibt es keinen Deckungsbeitrag\./);
    assert.doesNotMatch(cm, /Keine Kunden/);
    assert.equal(await page.locator('[data-testid=ec-cm-tiles]').count(), 0);

    // The channel table: the new-customer CLV and the payback are dashes whose reason is the missing margin.
    const clv = page.locator('[data-testid=ec-cell-clv]').first();
    assert.match((await clv.textContent()).trim(), /^–\d$/);
    assert.equal(await clv.getAttribute('title'), NO_MARGIN_DE);
    const note = Number((await clv.textContent()).trim().slice(1));
    const notes = await page.locator('[data-testid=ec-channel-notes] li').allTextContents();
    assert.equal(notes[note - 1], NO_MARGIN_DE);
    assert.match(await text(page, 'ec-cell-payback'), /^–\d/);

    // The calculator: the simple CLV on margin is a dash with the reason; the one on revenue is a number.
    // AOV = 640 / 8 orders = 80,00 €.
    assert.equal(await page.inputValue('[data-testid=ec-calc-aov]'), '80,00');
    const calcMargin = await text(page, 'ec-calc-result-margin');
    assert.ok(calcMargin.includes('–') && calcMargin.includes(NO_MARGIN_DE), calcMargin);
    assert.doesNotMatch(calcMargin, /0,00\s*€/);

    // The what-if simulator: the simple CLV on margin says why it is missing.
    await page.waitForSelector('[data-testid=ec-wi-clvSimpleMargin-reason]', { timeout: 60_000 });
    assert.match(await text(page, 'ec-wi-clvSimpleMargin-reason'), /^– Keine Marge hinterlegt: /);
    assert.equal(await page.getAttribute('[data-testid=ec-wi-clvSimpleMargin-before]', 'data-value'), '');

    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: `${SHOTS}/economics-no-margin-de.png`, fullPage: true });
    await context.close();
  },
);
