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

/**
 * Debian's chromium, headless, with the flags that keep it off the (closed) network; a fresh temporary profile each
 * time (playwright's own). `fakeMicrophone`: a microphone that plays a tone, for a context granted 'microphone'.
 */
export async function launch(options: { fakeMicrophone?: boolean } = {}): Promise<Browser> {
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
      ...(options.fakeMicrophone ? ['--use-fake-device-for-media-stream'] : []),
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
 * Waits until a Material dialog that just opened has taken the focus. It moves the focus to its first field once its
 * opening animation ends: on a loaded machine that came after a journey had focused another field and begun typing,
 * and the rest of the text went into the first field ("Lea Lindqvistlea.lindqvist@…" in the name).
 */
export async function dialogReady(page: Page): Promise<void> {
  const container = 'mat-dialog-container, .mat-mdc-dialog-container';
  await page.waitForFunction(
    (c) => Boolean(document.activeElement?.closest(c) && !document.activeElement.matches(c)),
    container,
  );
}

/**
 * axe-core on the page as it stands: no violation allowed. A snackbar on its way out is aria-hidden with its button
 * still focusable for a moment, so the check waits until none is left and judges the page itself. It also waits for
 * running transitions to end: a field error fading in is judged half-transparent, a contrast failure the user never
 * sees once it has settled (a spinner's endless animation is not waited for).
 */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('mat-snack-bar-container'), undefined, {
    timeout: 20_000,
  });
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    undefined,
    { timeout: 10_000 },
  );
  const result = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(
    result.violations.map(
      (v) => `${v.id}: ${v.nodes.length} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
    [],
    `axe violations on "${screen}"`,
  );
}

/**
 * Picks an option of a Material select as a keyboard user does: focus, Enter opens the panel, Home and the arrow
 * keys walk to the option, Enter takes it (the panel keeps one option active, aria-activedescendant). Clicking the option instead fails on a busy machine, where the panel's
 * opening animation keeps the option "not stable" past the click's timeout, and an empty outline field's floating
 * label lies over the select and takes the pointer. A panel still closing from the last choice may swallow the
 * first Enter; one more try then opens it.
 */
export async function chooseOption(page: Page, testId: string, option: string): Promise<void> {
  const select = page.getByTestId(testId);
  const listbox = page.getByRole('listbox');
  for (let attempt = 0; ; attempt++) {
    await select.focus();
    await page.keyboard.press('Enter');
    try {
      await listbox.waitFor({ timeout: 5000 });
      break;
    } catch (err) {
      if (attempt === 2) throw err;
      await page.keyboard.press('Escape');
    }
  }
  const options = listbox.getByRole('option');
  const labels = (await options.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  const index = labels.indexOf(option);
  assert.notEqual(index, -1, `no option "${option}" in ${testId}: ${labels.join(' | ')}`);
  const wantedId = await options.nth(index).getAttribute('id');
  // The arrow keys move the active option (aria-activedescendant), one step per key once Angular has run; each
  // step is awaited, or keys pressed faster than the panel updates are lost on a busy machine.
  const ids = await options.evaluateAll((els) => els.map((e) => e.id));
  const active = async () => ids.indexOf((await select.getAttribute('aria-activedescendant')) ?? '');
  for (let guard = 0; (await active()) !== index && guard < 2 * ids.length; guard++) {
    const from = await active();
    await page.keyboard.press(from < index ? 'ArrowDown' : 'ArrowUp');
    await page.waitForFunction(
      ([sel, before]) => document.querySelector(sel)?.getAttribute('aria-activedescendant') !== before,
      [`[data-testid="${testId}"]`, from < 0 ? null : ids[from]] as const,
      { timeout: 5000 },
    );
  }
  assert.equal(
    await select.getAttribute('aria-activedescendant'),
    wantedId,
    `${testId}: "${option}" is not the active option`,
  );
  await page.keyboard.press('Enter');
  await listbox.waitFor({ state: 'detached' });
}
