import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT, runCli } from '../cli/run-cli.js';

export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** In CI a missing browser is a failure, never a silent skip. */
export const IN_CI = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI.toLowerCase());
export const MISSING = `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y --no-install-recommends chromium) to run the browser tests`;
export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const ARTIFACTS = join(ROOT, 'test/artifacts');

/**
 * Runs an rmos report command twice, `--format json` and `--format html` (saved as
 * test/artifacts/NAME.html), and starts Chromium. launch() gives the browser a fresh
 * temporary profile of its own and removes it on close.
 */
export async function reportInChromium(args: readonly string[], name: string): Promise<{ json: string; pageUrl: string; browser: Browser }> {
  if (!HAVE_CHROMIUM) throw new Error(`CI is set but ${MISSING}`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const json = runCli([...args, '--format', 'json']);
  expect(json.code, json.stderr).toBe(0);
  const htmlFile = join(ARTIFACTS, `${name}.html`);
  const html = runCli([...args, '--format', 'html', '--out', htmlFile]);
  expect(html.code, html.stderr).toBe(0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  return { json: json.stdout, pageUrl: pathToFileURL(htmlFile).href, browser };
}

/** Opens a URL in a fresh context that records every request and lets only the page itself through. */
export async function openRecorded(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<{ page: Page; requests: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, serviceWorkers: 'block' });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort('blockedbyclient')));
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, close: () => context.close() };
}
