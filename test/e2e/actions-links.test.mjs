// The links into the Actions view, in Chromium on the demo data: the Forecast view's top-customers link opens the
// due-now list; the self-check's inactive-customers evidence opens the reactivation list; a segment of the
// segment-value evidence opens the list that acts on it, filtered to the segment. Each link shows the right tab and
// address, and a list of the size the Actions view shows when opened without the link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, importDemo } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

/** The size of a list once it has settled (no request pending), from its summary. */
async function settledTotal(page, list) {
  await page.waitForFunction(
    (l) => {
      const panel = document.querySelector(`[data-testid=ac-list-${l}]`);
      return (
        panel !== null &&
        panel.querySelector('.stale') === null &&
        panel.querySelector(`[data-testid=ac-${l}-count]`) !== null
      );
    },
    list,
    { timeout: 120_000 },
  );
  return Number(await page.getAttribute(`[data-testid=ac-${list}-count]`, 'data-total'));
}

/** Checks the tab shown, the address and the segment chosen after following a link. */
async function assertOpened(page, list, segment) {
  await page.waitForSelector(`[data-testid=ac-tab-${list}][aria-selected=true]`, { timeout: 120_000 });
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /^#\/actions\?/);
  const params = new URLSearchParams(hash.slice(hash.indexOf('?') + 1));
  assert.equal(params.get('list'), list);
  assert.equal(params.get('segment'), segment);
  assert.equal(await page.inputValue(`[data-testid=ac-${list}-segment]`), segment ?? '');
}

test(
  'Forecast and self-check links open the due-now, reactivation and segment lists of the same size',
  { timeout: 600_000 },
  async () => {
    const { page, context } = await app.open({ locale: 'en-GB' });
    await importDemo(page);

    // The segment link of the self-check to follow later: the first that opens a list other than whitespace
    // (whitespace needs a chosen pair).
    await page.click('[data-testid=nav-selfcheck]');
    await page.waitForSelector('[data-testid=evidence-segmentValue]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid=evidence-to-reactivation]', { timeout: 120_000 });
    let segmentLink = null;
    for (const a of await page.locator('[data-testid^=evidence-to-list-]').all()) {
      const href = (await a.getAttribute('href')) ?? '';
      const params = new URLSearchParams(href.slice(href.indexOf('?') + 1));
      if (params.get('list') !== 'whitespace') {
        segmentLink = {
          testid: await a.getAttribute('data-testid'),
          list: params.get('list'),
          segment: params.get('segment'),
        };
        break;
      }
    }
    const said = /([\d,]+) customers \([^)]*\) have bought nothing for more than 12 months/.exec(
      (await page.locator('[data-testid=evidence-reactivation]').textContent())?.trim() ?? '',
    );
    assert.ok(said, 'the inactive customers are counted in the evidence');
    const inactiveSaid = Number(said[1].replace(/,/g, ''));
    assert.ok(segmentLink, 'a segment link to a list other than whitespace');
    assert.equal(segmentLink.testid, `evidence-to-list-${segmentLink.segment}`);

    // The sizes without a link: the Actions view from the navigation, each tab clicked, the segment chosen there.
    await page.click('[data-testid=nav-actions]');
    await page.click('[data-testid=ac-tab-due]', { timeout: 120_000 });
    const due = await settledTotal(page, 'due');
    assert.ok(due > 0, 'the demo has customers due now');
    await page.click('[data-testid=ac-tab-reactivation]');
    const reactivation = await settledTotal(page, 'reactivation');
    assert.ok(reactivation > 0, 'the demo has inactive customers');
    await page.click(`[data-testid=ac-tab-${segmentLink.list}]`);
    await settledTotal(page, segmentLink.list);
    await page.selectOption(`[data-testid=ac-${segmentLink.list}-segment]`, segmentLink.segment);
    const ofSegment = await settledTotal(page, segmentLink.list);
    assert.ok(ofSegment > 0, 'the segment has customers on its list');
    await page.selectOption(`[data-testid=ac-${segmentLink.list}-segment]`, '');
    await settledTotal(page, segmentLink.list);

    // Forecast → due now.
    await page.click('[data-testid=nav-forecast]');
    await page.waitForSelector('[data-testid=fc-to-due]', { timeout: 120_000 });
    await page.click('[data-testid=fc-to-due]');
    await assertOpened(page, 'due', null);
    assert.equal(await settledTotal(page, 'due'), due);

    // Self-check: inactive customers → reactivation.
    await page.click('[data-testid=nav-selfcheck]');
    await page.click('[data-testid=evidence-to-reactivation]', { timeout: 120_000 });
    await assertOpened(page, 'reactivation', null);
    assert.equal(await settledTotal(page, 'reactivation'), reactivation);
    // The evidence the link stands under names the same number of inactive customers.
    assert.equal(inactiveSaid, reactivation, 'the self-check and the list agree');

    // Self-check: a segment → its list, filtered to the segment.
    await page.click('[data-testid=nav-selfcheck]');
    await page.click(`[data-testid=${segmentLink.testid}]`, { timeout: 120_000 });
    await assertOpened(page, segmentLink.list, segmentLink.segment);
    assert.equal(await settledTotal(page, segmentLink.list), ofSegment);
    await context.close();
  },
);
