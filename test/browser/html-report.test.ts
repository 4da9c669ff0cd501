/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatValue } from '../../src/report/compute/format-number.js';
import type { ComputeReport } from '../../src/report/compute/report.js';
import { ARTIFACTS, HAVE_CHROMIUM, IN_CI, MISSING, openRecorded as openIn, reportInChromium } from './chromium.js';

const ARGS = ['compute', 'metrics', '--data', 'examples/data', '--period', '2025-Q3', '--by', 'region', '--compare', 'prior', '--trend', '12'];

if (!HAVE_CHROMIUM && !IN_CI) console.warn(`skipping test/browser/html-report.test.ts: ${MISSING}`);

/** The few page globals used in code that runs inside Chromium: the project compiles without the DOM lib. */
interface PageBox { getBoundingClientRect(): { left: number; right: number }; getAttribute(name: string): string | null; tagName: string }
declare const document: {
  documentElement: { scrollWidth: number; clientWidth: number };
  body: { scrollWidth: number };
  querySelectorAll(selector: string): Iterable<PageBox>;
};
declare function getComputedStyle(element: unknown): { boxShadow: string; breakInside: string };

let browser: Browser;
let report: ComputeReport;
let pageUrl: string;

function openRecorded(url: string, viewport: { width: number; height: number }): Promise<{ page: Page; requests: string[]; close: () => Promise<void> }> {
  return openIn(browser, url, viewport);
}

describe.skipIf(!HAVE_CHROMIUM && !IN_CI)('html report in headless Chromium', () => {
  beforeAll(async () => {
    let json: string;
    ({ json, pageUrl, browser } = await reportInChromium(ARGS, 'html-report'));
    report = JSON.parse(json) as ComputeReport;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows every metric with the JSON report value on the card and the formatted value in its text', async () => {
    const { page, close } = await openRecorded(pageUrl, { width: 1280, height: 900 });
    const cards = await page.$$eval('article[data-metric]', (els) =>
      els.map((el) => ({
        id: el.getAttribute('data-metric'),
        value: el.getAttribute('data-value'),
        text: el.querySelector('.value')?.textContent ?? null,
        status: el.querySelector('.status')?.textContent ?? '',
        segments: [...el.querySelectorAll('li.segment')].map((s) => ({ dimensions: s.getAttribute('data-segment'), value: s.getAttribute('data-value'), text: s.querySelector('.seg-value')?.textContent ?? null })),
        sparkTitle: el.querySelector('svg.sparkline > title')?.textContent ?? '',
      })),
    );
    expect(cards.map((c) => c.id)).toEqual(report.metrics.map((m) => m.id));
    expect(report.metrics.length).toBe(6);
    for (const [i, m] of report.metrics.entries()) {
      const card = cards[i]!;
      expect(JSON.parse(card.value!), m.id).toBe(m.value);
      expect(card.text, m.id).toBe(formatValue(m.value, m.unit));
      expect(card.status.length, m.id).toBeGreaterThan(0);
      expect(card.sparkTitle, m.id).toContain(`${m.name}, last 12 periods:`);
      expect(card.segments.map((s) => [JSON.parse(s.dimensions!), JSON.parse(s.value!), s.text]), m.id).toEqual(
        m.segments.map((s) => [s.dimensions, s.value, formatValue(s.value, m.unit)]),
      );
    }
    expect(cards.find((c) => c.id === 'nps')!.segments.length).toBe(4);
    await expect(page.locator('article[data-metric="nps"] .value').isVisible()).resolves.toBe(true);
    await close();
  });

  it('makes no request beyond the page itself', async () => {
    const { page, requests, close } = await openRecorded(pageUrl, { width: 1280, height: 900 });
    await page.locator('details.accounting summary').first().click();
    await page.waitForTimeout(200);
    expect(requests).toContain(pageUrl); // the recorder saw the page load itself
    expect(requests.filter((url) => url !== pageUrl && !url.startsWith('data:'))).toEqual([]);
    await close();
  });

  it('would notice a page that does make requests (the check above can fail)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rmos-leaky-'));
    const leaky = join(dir, 'leaky.html');
    writeFileSync(leaky, '<!DOCTYPE html><link rel="stylesheet" href="https://fonts.example.invalid/a.css"><img src="http://images.example.invalid/x.png">');
    const { page, requests, close } = await openRecorded(pathToFileURL(leaky).href, { width: 800, height: 600 });
    await page.waitForTimeout(200);
    expect(requests).toEqual(expect.arrayContaining(['https://fonts.example.invalid/a.css', 'http://images.example.invalid/x.png']));
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lays cards out in columns on a laptop and saves a full-page screenshot', async () => {
    const { page, close } = await openRecorded(pageUrl, { width: 1280, height: 900 });
    const tops = await page.$$eval('article[data-metric]', (els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(tops[0]).toBe(tops[1]);
    const path = join(ARTIFACTS, 'html-report-desktop.png');
    await page.screenshot({ path, fullPage: true });
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
    await close();
  });

  it('fits a 390 px phone: one column, no horizontal scroll, and saves a full-page screenshot', async () => {
    const { page, close } = await openRecorded(pageUrl, { width: 390, height: 844 });
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      bodyScrollWidth: document.body.scrollWidth,
      lefts: [...document.querySelectorAll('article[data-metric]')].map((el) => Math.round(el.getBoundingClientRect().left)),
      overflowing: [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((el) => `${el.tagName}.${el.getAttribute('class') ?? ''}`),
    }));
    expect(layout.clientWidth).toBe(390);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    expect(layout.bodyScrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    expect(layout.overflowing).toEqual([]);
    expect(new Set(layout.lefts).size).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'html-report-phone.png'), fullPage: true });
    await close();
  });

  it('prints without shadows and keeps each card on one page', async () => {
    const { page, close } = await openRecorded(pageUrl, { width: 1280, height: 900 });
    await page.emulateMedia({ media: 'print' });
    const style = await page.$eval('article[data-metric]', (el) => ({ shadow: getComputedStyle(el).boxShadow, breakInside: getComputedStyle(el).breakInside }));
    expect(style).toEqual({ shadow: 'none', breakInside: 'avoid' });
    await page.pdf({ path: join(ARTIFACTS, 'html-report.pdf'), format: 'A4' });
    await close();
  });
});
