import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { afterEach } from 'node:test';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';

/** A Content-Security-Policy violation a page reported (its `securitypolicyviolation` event). */
export interface CspViolation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
  source: string;
  /** The start of the element whose inline style or script was blocked, when there is one. */
  element: string;
}

const violations: CspViolation[] = [];

/**
 * Every page of the context reports its CSP violations to the test process, from before its first script runs: a
 * style or script the policy silently blocks (an unstyled screen that still "works") fails the journey.
 */
async function watchCsp(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__stegvisCspViolation', ({ page }, v: Omit<CspViolation, 'page'>) => {
    violations.push({ page: page.url(), ...v });
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const report = (window as unknown as Record<string, (v: object) => void>).__stegvisCspViolation;
        report({
          directive: e.effectiveDirective,
          blocked: e.blockedURI,
          sample: e.sample,
          source: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
          element: e.target instanceof Element ? e.target.outerHTML.slice(0, 160) : '',
        });
      },
      true,
    );
  });
}

/** Debian's chromium, headless, with the flags that keep it off the (closed) network; a fresh temporary profile each time (playwright's own). */
export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({
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
  // Every context and page a journey opens watches for CSP violations.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options?: BrowserContextOptions) => {
    const context = await newContext(options);
    await watchCsp(context);
    return context;
  };
  browser.newPage = async (options?: BrowserContextOptions) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.once('close', () => void context.close().catch(() => undefined));
    return page;
  };
  return browser;
}

/** The violations reported since the last call, which it clears. */
export async function takeCspViolations(): Promise<CspViolation[]> {
  // A report still on its way from the page arrives within a few event-loop turns.
  await new Promise((r) => setTimeout(r, 100));
  return violations.splice(0);
}

/** In a journey's describe(): each test fails when any page reported a CSP violation, listing them. */
export function failOnCspViolations(): void {
  afterEach(async () => {
    const found = await takeCspViolations();
    if (found.length)
      throw new Error(
        `Content-Security-Policy violations (fix the app, not the policy):\n${found
          .map(
            (v) =>
              `  ${v.directive} blocked ${v.blocked || '(inline)'} at ${v.source} on ${v.page}: ${v.sample || v.element}`,
          )
          .join('\n')}`,
      );
  });
}

/** Signs in through the admin's login page, as a person would, and waits until the shell shows who is signed in. */
export async function signIn(
  page: Page,
  baseUrl: string,
  who: { email: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(who.email);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

/**
 * axe-core on the page as it stands: no violation allowed. A snackbar on its way out is aria-hidden with its button
 * still focusable for a moment, so the check waits until none is left and judges the page itself.
 */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('mat-snack-bar-container'), undefined, {
    timeout: 20_000,
  });
  const result = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(
    result.violations.map(
      (v) => `${v.id}: ${v.nodes.length} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
    [],
    `axe violations on "${screen}"`,
  );
}
