// Browser smoke test: starts the portal with the README's start command (unless
// SI_PORTAL_URL points at one that is already running), signs in as guest in headless
// Chromium and checks what a new user sees first. Screenshots go to test-results/ (git-ignored).
import { spawn } from 'node:child_process';
import { mkdirSync, createWriteStream } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(root, 'test-results/screenshots');
mkdirSync(outDir, { recursive: true });

const appUrl = process.env.SI_PORTAL_URL ?? 'http://localhost:3000';
const backendUrl = process.env.SI_BACKEND_URL ?? 'http://localhost:7007';
// The catalog table shows each entity's title.
const DEMO_SERVICES = ['Music Discovery', 'Playlist Management', 'Payment Processing'];

let portal;
function startPortal() {
  const log = createWriteStream(resolve(root, 'test-results/portal.log'));
  portal = spawn(resolve(root, 'scripts/start.sh'), [], {
    cwd: root,
    detached: true, // own process group, so the whole tree stops with it
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  portal.stdout.pipe(log);
  portal.stderr.pipe(log);
  portal.on('exit', code => {
    if (code) console.error(`portal exited with code ${code}; see test-results/portal.log`);
  });
}
function stopPortal() {
  if (portal?.pid) {
    try {
      process.kill(-portal.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    if (portal && portal.exitCode !== null) throw new Error(`portal stopped before ${url} answered`);
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000}s`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name}`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`  ✗ ${name}\n    ${String(e?.message ?? e).split('\n')[0]}`);
  }
}

let browser;
try {
  if (!process.env.SI_PORTAL_URL) startPortal();
  const started = Date.now();
  await waitFor(`${backendUrl}/.backstage/health/v1/readiness`, 300_000);
  await waitFor(appUrl, 300_000);
  console.log(`portal ready after ${Math.round((Date.now() - started) / 1000)}s`);

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.setDefaultTimeout(60_000);

  await check('backend readiness endpoint answers 200', async () => {
    const res = await fetch(`${backendUrl}/.backstage/health/v1/readiness`);
    if (res.status !== 200) throw new Error(`status ${res.status}`);
  });

  await check('guest can sign in and the catalog lists the demo services', async () => {
    await page.goto(appUrl);
    // The guest sign-in "Enter" is not exposed as an ARIA button: click it by its text.
    await page.getByText('Enter', { exact: true }).click();
    for (const name of DEMO_SERVICES) {
      await page.getByRole('link', { name, exact: true }).first().waitFor();
    }
    const hrefs = await page
      .locator('a[href*="/catalog/default/component/"]')
      .evaluateAll(links => links.map(a => a.getAttribute('href')));
    const components = new Set(hrefs.filter(h => !h.endsWith('/squad-insights')));
    if (components.size < 8) {
      throw new Error(`expected at least 8 demo services, saw ${components.size}`);
    }
    await page.screenshot({ path: resolve(outDir, 'catalog.png'), fullPage: true });
  });

  await check('a squad page shows its tribe', async () => {
    await page.goto(`${appUrl}/catalog/default/group/discovery-squad`);
    await page.getByText('Discovery Squad').first().waitFor();
    // The org plugin's profile card names the parent group, i.e. the squad's tribe.
    await page.getByText('Parent Group').first().waitFor();
    await page.getByRole('link', { name: 'Music Experience' }).first().waitFor();
    await page.screenshot({ path: resolve(outDir, 'discovery-squad.png'), fullPage: true });
  });

  await check('a service page shows its squad profile', async () => {
    await page.goto(`${appUrl}/catalog/default/component/payment-processing`);
    const card = page.locator('text=Squad profile').first();
    await card.waitFor();
    await page.getByRole('link', { name: 'Payments Squad' }).first().waitFor();
    await page.getByRole('link', { name: 'Commerce', exact: true }).first().waitFor();
    await page.getByText('Svenska_Betaltjänstlagen').first().waitFor();
    await page.getByText('7 years').first().waitFor();
    await page.screenshot({ path: resolve(outDir, 'payment-processing.png'), fullPage: true });
  });

  await check('the Sustainability tab shows the footprint of a demo service', async () => {
    await page.goto(`${appUrl}/catalog/default/component/payment-processing/sustainability`);
    // The backend reads the demo states shortly after start; the tab shows them once read.
    await page.getByText(/kWh\/day/).first().waitFor({ timeout: 120_000 });
    await page.getByText(/SEK\/month/).first().waitFor();
    await page.screenshot({ path: resolve(outDir, 'payment-processing-sustainability.png'), fullPage: true });
  });

  await check('the Compliance tab finds the unencrypted demo database', async () => {
    await page.goto(`${appUrl}/catalog/default/component/rights-ledger/compliance`);
    await page.getByText(/Compliance score/).first().waitFor({ timeout: 120_000 });
    await page.getByText(/aws_db_instance\.this storage_encrypted: false/).first().waitFor();
    await page.screenshot({ path: resolve(outDir, 'rights-ledger-compliance.png'), fullPage: true });
  });
} catch (e) {
  results.push({ name: 'portal start', ok: false });
  console.log(`  ✗ ${String(e?.message ?? e)}`);
} finally {
  await browser?.close();
  stopPortal();
}

const passed = results.filter(r => r.ok).length;
const failed = results.length - passed;
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
