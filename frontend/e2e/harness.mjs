/**
 * The one harness of the headless-Chromium flows (run.mjs, admin.mjs): playwright-core
 * with the system Chromium (no browser download), axe-core, screenshots, and the result
 * file the pytest drivers in tests/e2e read.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const ADMIN = { email: 'admin@demo.patentrack.dev', password: 'DemoAdmin2026' };
export const MEMBER = { email: 'member@demo.patentrack.dev', password: 'DemoMember2026' };
export const SUPER = { email: 'superadmin@demo.patentrack.dev', password: 'DemoSuper2026' };
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };
const TIMEOUT = 20_000;

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export async function login(page, who) {
  await page.goto('/login');
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** GET through the page's own cookies (the same session as the UI). */
export async function api(page, path) {
  const response = await page.request.get(path);
  if (!response.ok()) throw new Error(`${path}: HTTP ${response.status()}`);
  return response.json();
}

/** `usage` names the script; `extra` names optional trailing arguments. */
export async function startHarness(script, { extraArgs = '' } = {}) {
  const [baseUrl, artifacts, ...rest] = process.argv.slice(2);
  if (!baseUrl || !artifacts) {
    console.error(`usage: node e2e/${script} <baseUrl> <artifactsDir> ${extraArgs}`.trim());
    process.exit(2);
  }
  const shots = join(artifacts, 'screenshots');
  mkdirSync(shots, { recursive: true });
  const result = { baseUrl, flows: {}, axe: {}, screenshots: [] };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });

  async function newPage(viewport = DESKTOP, storageState) {
    const context = await browser.newContext({ viewport, baseURL: baseUrl, ...(storageState ? { storageState } : {}) });
    context.setDefaultTimeout(TIMEOUT);
    const page = await context.newPage();
    return { context, page };
  }

  async function flow(name, fn) {
    const started = Date.now();
    try {
      const details = await fn();
      result.flows[name] = { ok: true, details: details ?? null, ms: Date.now() - started };
    } catch (error) {
      result.flows[name] = { ok: false, error: String(error?.stack ?? error), ms: Date.now() - started };
    }
  }

  async function shot(page, name) {
    const file = join(shots, `${name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    result.screenshots.push(file);
  }

  /** axe-core on the current page: serious and critical violations only count. */
  async function axe(page, name) {
    const report = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = report.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    result.axe[name] = bad.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }

  /** Close the browser, write `<artifacts>/<file>`, report, and exit 1 if a flow failed. */
  async function finish(file) {
    await browser.close();
    writeFileSync(join(artifacts, file), JSON.stringify(result, null, 2));
    const failed = Object.entries(result.flows).filter(([, f]) => !f.ok);
    for (const [name, f] of failed) console.error(`FAILED ${name}: ${f.error}`);
    console.log(JSON.stringify({ flows: Object.fromEntries(Object.entries(result.flows).map(([k, v]) => [k, v.ok])) }));
    process.exit(failed.length ? 1 : 0);
  }

  return { baseUrl, artifacts, rest, result, browser, newPage, flow, shot, axe, finish };
}
