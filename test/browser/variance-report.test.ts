/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, HAVE_CHROMIUM, IN_CI, MISSING, openRecorded, reportInChromium } from './chromium.js';

const ARGS = ['variance', 'metrics', '--data', 'examples/data', '--period', '2025-Q3', '--against', 'prior', '--explain-by', 'region'];

/** What the test reads of the variance JSON. */
interface VarianceJson {
  metrics: { id: string; actual: number | null; comparator: number | null; variance: number | null; drivers: { parts: { segment: string; total: number }[] } | null }[];
}

/** The page globals used in code that runs inside Chromium: the project compiles without the DOM lib. */
interface PageBox { getBoundingClientRect(): { right: number }; getAttribute(name: string): string | null; tagName: string }
declare const document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelectorAll(selector: string): Iterable<PageBox> };

if (!HAVE_CHROMIUM && !IN_CI) console.warn(`skipping test/browser/variance-report.test.ts: ${MISSING}`);

let browser: Browser;
let report: VarianceJson;
let pageUrl: string;

describe.skipIf(!HAVE_CHROMIUM && !IN_CI)('variance report in headless Chromium', () => {
  beforeAll(async () => {
    let json: string;
    ({ json, pageUrl, browser } = await reportInChromium(ARGS, 'variance-report'));
    report = JSON.parse(json) as VarianceJson;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows every metric with the JSON actual, comparator and variance, and each driver bar with its segment total', async () => {
    const { page, close } = await openRecorded(browser, pageUrl, { width: 1280, height: 900 });
    const rows = await page.$$eval('tr[data-metric]', (els) =>
      els.map((el) => ['actual', 'comparator', 'variance'].map((k) => el.getAttribute(`data-${k}`)).concat(el.getAttribute('data-metric'))),
    );
    expect(rows.map((r) => r[3])).toEqual(report.metrics.map((m) => m.id));
    for (const [i, m] of report.metrics.entries()) {
      const [actual, comparator, variance] = rows[i]!.map((v) => (v === null || v === '' ? null : Number(v)));
      expect([m.id, actual, comparator, variance]).toEqual([m.id, m.actual, m.comparator, m.variance]);
    }
    const explained = report.metrics.filter((m) => m.drivers !== null);
    expect(explained.length).toBeGreaterThan(0);
    for (const m of explained) {
      const bars = await page.$$eval(`section.drivers[data-metric="${m.id}"] g[data-segment]`, (els) => els.map((el) => [el.getAttribute('data-segment'), Number(el.getAttribute('data-value'))]));
      expect(bars, m.id).toEqual(m.drivers!.parts.map((p) => [p.segment, p.total]));
      await expect(page.locator(`section.drivers[data-metric="${m.id}"] svg`).first().isVisible()).resolves.toBe(true);
    }
    await close();
  });

  it('makes no request beyond the page itself', async () => {
    const { page, requests, close } = await openRecorded(browser, pageUrl, { width: 1280, height: 900 });
    await page.waitForTimeout(200);
    expect(requests).toContain(pageUrl);
    expect(requests.filter((url) => url !== pageUrl && !url.startsWith('data:'))).toEqual([]);
    await close();
  });

  it('saves desktop and 390 px phone screenshots; on the phone the page itself does not scroll sideways', async () => {
    const desktop = await openRecorded(browser, pageUrl, { width: 1280, height: 900 });
    await desktop.page.screenshot({ path: join(ARTIFACTS, 'variance-report-desktop.png'), fullPage: true });
    await desktop.close();
    const phone = await openRecorded(browser, pageUrl, { width: 390, height: 844 });
    const layout = await phone.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(layout.clientWidth).toBe(390);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    const path = join(ARTIFACTS, 'variance-report-phone.png');
    await phone.page.screenshot({ path, fullPage: true });
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
    await phone.close();
  });
});
