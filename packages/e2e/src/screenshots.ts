import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './browser';

/** Screenshots of the running system for README and review: `npm run screenshots -w @stegvis/e2e -- URL EMAIL PASSWORD`. */
async function main(): Promise<void> {
  const [url = 'http://127.0.0.1:3000', email, password] = process.argv.slice(2);
  const out = join(__dirname, '../../../docs/img');
  mkdirSync(out, { recursive: true });
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${url}/login`);
  await page.screenshot({ path: '/tmp/shot-login.png' });
  if (email && password) {
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('programme-table').waitFor();
    await page.screenshot({ path: join(out, 'admin-programmes.png') });
    await page.getByTestId('new-programme').click();
    await page.getByTestId('programme-name').waitFor();
    await page.screenshot({ path: '/tmp/shot-form.png' });
  }
  await browser.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
