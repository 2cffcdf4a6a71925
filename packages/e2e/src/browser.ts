import { type Browser, chromium } from 'playwright-core';

/** Debian's chromium, headless, with the flags that keep it off the (closed) network; a fresh temporary profile each time (playwright's own). */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_BIN ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
