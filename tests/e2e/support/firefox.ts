// Firefox ESR driven by puppeteer-core (Playwright cannot drive Debian's Firefox), with the
// Firefox build installed as a temporary add-on and every off-machine request refused.
import { rmSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { DIST_FIREFOX, tempDir } from './paths';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxWithExtension {
  browser: Browser;
  extensionId: string;
  open(url: string, html: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(dist = DIST_FIREFOX): Promise<FirefoxWithExtension> {
  const profile = tempDir('firefox-profile');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      // No telemetry, updates or captive-portal probes: the machine has no network.
      'network.captive-portal-service.enabled': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.getAddons.cache.enabled': false,
    },
  });
  const extensionId = await browser.installExtension(dist);
  return {
    browser,
    extensionId,
    async open(url, html) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        if (req.url().split('#')[0] === url) {
          void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        } else void req.abort();
      });
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
