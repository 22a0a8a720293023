/**
 * End-to-end flows in headless Chromium (issue 8), driven by tests/e2e/test_spa_e2e.py:
 *   node e2e/run.mjs <baseUrl> <artifactsDir>
 * Uses playwright-core with the system Chromium (no browser download) and axe-core.
 * Writes <artifactsDir>/e2e-result.json ({flows: {name: {ok, details|error}}, axe: {...}})
 * and screenshots to <artifactsDir>/screenshots/; exits 1 if any flow failed.
 */
import { createHmac } from 'node:crypto';
import { ADMIN, DESKTOP, MEMBER, PHONE, api, assert, login, startHarness } from './harness.mjs';

const { baseUrl, browser, newPage, flow, shot, axe, finish } = await startHarness('run.mjs');
const TIMEOUT = 20_000;

const admin = await newPage();
const state = {};

await flow('login_and_dashboard', async () => {
  await login(admin.page, ADMIN);
  await admin.page.waitForSelector('[data-kpi=totalAssets]');
  const summary = (await api(admin.page, '/api/v1/dashboards/summary')).data;
  const metrics = summary.metrics.find((m) => m.companyId === null) ?? summary.metrics[0];
  const expected = {
    totalAssets: metrics.totalAssets,
    totalTransactions: metrics.totalTransactions,
    brokenTitles: summary.brokenTitles,
    openLiens: summary.openLiens,
  };
  const shown = {};
  for (const key of Object.keys(expected)) {
    shown[key] = Number((await admin.page.textContent(`[data-kpi=${key}]`)).replace(/,/g, ''));
  }
  assert(JSON.stringify(shown) === JSON.stringify(expected), `dashboard ${JSON.stringify(shown)} != API ${JSON.stringify(expected)}`);
  assert(expected.totalAssets > 0, 'the demo portfolio is empty');
  await shot(admin.page, 'dashboard-desktop');
  await axe(admin.page, 'dashboard');
  return { shown, expected };
});

await flow('asset_diagram', async () => {
  // The asset with the most conveyances, so the diagram has real edges to count.
  const assets = (await api(admin.page, '/api/v1/assets?limit=100')).data;
  let best = null;
  for (const a of assets) {
    const payload = (await api(admin.page, `/api/v1/assets/${a.id}/diagram`)).data;
    if (!best || payload.connections.length > best.payload.connections.length) best = { asset: a, payload };
  }
  assert(best && best.payload.connections.length > 0, 'no asset has a diagram with connections');
  state.asset = best.asset;
  await admin.page.goto('/assets');
  await admin.page.waitForSelector('[role=table] [role=row][data-row-index]');
  await shot(admin.page, 'assets-desktop');
  await axe(admin.page, 'assets');
  await admin.page.click(`a[href="/assets/${best.asset.id}/overview"]`);
  await admin.page.waitForSelector('#ov-owner');
  await shot(admin.page, 'asset-overview-desktop');
  await axe(admin.page, 'asset-overview');
  await admin.page.click(`a[href="/assets/${best.asset.id}/diagram"]`);
  await admin.page.waitForSelector('[data-box]');
  const boxes = await admin.page.locator('[data-box]').count();
  const edges = await admin.page.locator('[data-edge]').count();
  const expected = { boxes: best.payload.boxes.length, edges: best.payload.connections.length };
  assert(boxes === expected.boxes && edges === expected.edges, `diagram drew ${boxes} boxes/${edges} edges, payload has ${expected.boxes}/${expected.edges}`);
  await shot(admin.page, 'asset-diagram-desktop');
  await axe(admin.page, 'asset-diagram');
  return { assetId: best.asset.id, boxes, edges, expected };
});

await flow('share_create_view_revoke', async () => {
  assert(state.asset, 'no asset from the previous flow');
  const name = `E2E share ${Date.now()}`;
  await admin.page.goto(`/assets/${state.asset.id}/overview`);
  await admin.page.click('.actions a:has-text("Share")');
  await admin.page.waitForURL(/\/shares\?new=1/);
  await admin.page.fill('.share-form input:not([type])', name);
  await admin.page.click('button:has-text("Create link")');
  const link = admin.page.locator('[data-testid=created-share-url]');
  await link.waitFor();
  const url = await link.getAttribute('href');
  assert(url && url.includes('/shared/'), `unexpected share url ${url}`);
  const shareUrl = new URL(url, baseUrl).pathname;

  // A fresh browser (no login) sees the diagram of the one shared asset.
  const anon = await newPage(PHONE);
  await anon.page.goto(shareUrl);
  await anon.page.waitForSelector('[data-box]');
  const sharedBoxes = await anon.page.locator('[data-box]').count();
  const width = await anon.page.evaluate(() => document.documentElement.scrollWidth);
  await shot(anon.page, 'share-diagram-phone');
  await axe(anon.page, 'share-diagram');
  await anon.context.close();
  assert(sharedBoxes > 0, 'the shared diagram drew no boxes');
  assert(width <= PHONE.width + 1, `the share viewer overflows a 375 px phone (${width} px wide)`);

  const desk = await newPage(DESKTOP);
  await desk.page.goto(shareUrl);
  await desk.page.waitForSelector('[data-box]');
  await shot(desk.page, 'share-diagram-desktop');
  await desk.context.close();

  // Revoke it: the same link now shows the not-found page.
  await admin.page.click('button:has-text("Done")');
  const item = admin.page.locator('.share-item', { hasText: name });
  await item.locator('button:has-text("Revoke")').click();
  await item.locator('button:has-text("Confirm revoke")').click();
  await item.waitFor({ state: 'detached' });
  const after = await newPage(PHONE);
  await after.page.goto(shareUrl);
  const problem = after.page.locator('[data-testid=share-problem] h1');
  await problem.waitFor();
  const title = await problem.textContent();
  await shot(after.page, 'share-revoked-phone');
  await axe(after.page, 'share-revoked');
  await after.context.close();
  assert(title === 'Link not found', `revoked link shows "${title}"`);
  return { shareUrl, sharedBoxes, phoneWidth: width, revokedTitle: title };
});

await flow('phone_screens', async () => {
  const phone = await browser.newContext({ viewport: PHONE, baseURL: baseUrl, storageState: await admin.context.storageState() });
  const page = await phone.newPage();
  for (const [path, name, sel] of [
    ['/', 'dashboard-phone', '[data-kpi=totalAssets]'],
    ['/assets', 'assets-phone', '[role=row][data-row-index]'],
    [`/assets/${state.asset?.id}/diagram`, 'asset-diagram-phone', '[data-box]'],
  ]) {
    await page.goto(path);
    await page.waitForSelector(sel, { timeout: TIMEOUT });
    await shot(page, name);
  }
  await phone.close();
});

await flow('member_cannot_reach_admin', async () => {
  const member = await newPage();
  await login(member.page, MEMBER);
  await member.page.waitForSelector('[data-kpi=totalAssets]');
  const adminLinks = await member.page.locator('nav#primary-nav a[href="/admin"]').count();
  await member.page.goto('/admin');
  await member.page.waitForURL(/\/403/);
  const heading = await member.page.textContent('h1');
  await member.page.goto('/settings/organization');
  await member.page.waitForURL(/\/403/);
  await shot(member.page, 'member-forbidden-desktop');
  await member.context.close();
  assert(adminLinks === 0, 'a member sees the Admin link');
  assert(heading === 'Access denied', `member at /admin saw "${heading}"`);
  return { heading };
});

await flow('admin_rebuild_live_steps', async () => {
  await admin.page.goto('/settings/organization');
  await admin.page.waitForSelector('[data-step=classify]');
  await admin.page.waitForFunction(() => document.body.textContent.includes('Stream: live'));
  const before = await admin.page.getAttribute('[data-run-status]', 'data-run-id');
  await admin.page.click('button:has-text("Rebuild portfolio")');
  const seen = new Set();
  let runId = before;
  // Record the statuses the tracker shows while the run goes on; it must end all done.
  const deadline = Date.now() + 90_000;
  for (;;) {
    const statuses = await admin.page.$$eval('[data-step]', (els) => els.map((e) => e.getAttribute('data-step-status')));
    statuses.forEach((s) => seen.add(s));
    const run = await admin.page.getAttribute('[data-run-status]', 'data-run-status');
    runId = await admin.page.getAttribute('[data-run-status]', 'data-run-id');
    // Only the event stream brings the new run's id (the status query is not refetched).
    if (runId && runId !== before && run === 'success' && statuses.every((s) => s === 'success')) break;
    if (run === 'failed') throw new Error('the rebuild failed');
    if (Date.now() > deadline) throw new Error(`the steps did not complete: ${statuses.join(',')} run=${run}`);
    await admin.page.waitForTimeout(100);
  }
  await shot(admin.page, 'pipeline-desktop');
  return { statusesSeen: [...seen], previousRunId: before, runId };
});

/** RFC 6238 TOTP (SHA-1, 30 s, 6 digits) of a base32 secret: what an authenticator app shows. */
function totp(secret, at = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secret.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

await flow('customer_screens', async () => {
  try {
    return await customerScreens();
  } catch (error) {
    // Keep what the page showed: the failing screen's text and a screenshot.
    await shot(admin.page, 'customer-screens-failure').catch(() => undefined);
    const text = await admin.page.textContent('main').catch(() => '');
    throw new Error(`${error?.message ?? error}\nat ${admin.page.url()}: ${String(text).slice(0, 600)}`);
  }
});

async function customerScreens() {
  const page = admin.page;
  const seen = {};
  // Trees: the tab's rows are the API's nodes; a row opens the tree's detail.
  const trees = (await api(page, '/api/v1/dashboards/trees?tab=1')).data.find((t) => t.tab === 1).nodes;
  await page.goto('/trees');
  if (trees.length) {
    await page.waitForSelector('[data-testid=trees-table] tbody tr');
    seen.trees = await page.locator('[data-testid=trees-table] tbody tr').count();
    assert(seen.trees === trees.length, `trees table ${seen.trees} rows, API ${trees.length}`);
    await shot(page, 'trees-desktop');
    await axe(page, 'trees');
    await page.locator('[data-testid=trees-table] tbody tr a').first().click();
    await page.waitForSelector('dl[aria-label="Transaction summary"]');
  } else {
    await page.waitForSelector('.notice[role=status]');
  }
  // CPC cloud: one word per API item; the table toggle is the text alternative.
  const cloud = await api(page, '/api/v1/dashboards/cpc-wordcloud');
  await page.goto('/cpc');
  if (cloud.data.length) {
    await page.waitForSelector('[data-testid=cpc-cloud] li');
    seen.cpc = await page.locator('[data-testid=cpc-cloud] li').count();
    assert(seen.cpc === cloud.data.length, `cloud ${seen.cpc} words, API ${cloud.data.length}`);
    await axe(page, 'cpc');
  }
  for (const [path, name] of [
    ['/events', 'events'],
    ['/events/maintenance', 'maintenance'],
    ['/events/assignments?days=365', 'recent-assignments'],
  ]) {
    await page.goto(path);
    await page.waitForSelector('main h1');
    await page.waitForFunction(() => !document.querySelector('main .skeleton'));
    assert((await page.locator('main [role=alert]').count()) === 0, `${path} shows an error`);
    await axe(page, name);
  }
  // Entities: list then one entity's spellings.
  const entities = (await api(page, `/api/v1/organizations/${(await api(page, '/api/v1/me')).organizationId}/entities?limit=5`)).data;
  await page.goto('/entities');
  if (entities.length) {
    await page.waitForSelector('[data-testid=entities-table] tbody tr');
    seen.entities = await page.locator('[data-testid=entities-table] tbody tr').count();
    await axe(page, 'entities');
    await page.click(`a[href="/entities/${entities[0].id}"]`);
    await page.waitForSelector(`h2:has-text(${JSON.stringify(entities[0].canonicalName)})`);
  }
  // Search: a word of a real title comes back marked (only <mark> is markup).
  const word = (state.asset?.title ?? '').split(/\W+/).find((w) => w.length >= 5) ?? 'system';
  await page.goto(`/search?q=${encodeURIComponent(word)}`);
  await page.waitForSelector('[data-testid=search-results] li, .notice[role=status]');
  seen.searchHits = await page.locator('[data-testid=search-results] li').count();
  seen.marks = await page.locator('[data-testid=search-results] mark').count();
  assert(!state.asset?.title || (seen.searchHits > 0 && seen.marks > 0), `search for "${word}" found ${seen.searchHits} hits, ${seen.marks} marks`);
  await shot(page, 'search-desktop');
  await axe(page, 'search');
  // CSV export link carries the table's filters.
  await page.goto('/assets?status=broken');
  const href = await page.getAttribute('[data-testid=csv-export]', 'href');
  assert(href === '/api/v1/exports/assets.csv?status=broken', `export link ${href}`);
  const csv = await page.request.get(href);
  assert(csv.ok() && (await csv.text()).split('\r\n')[0].length > 0, 'the CSV export failed');
  // Alerts: add a webhook (secret shown once), send a test, see the delivery.
  await page.goto('/settings/alerts');
  await page.click('button:has-text("Add a webhook")');
  await page.fill('input[type=url]', `${baseUrl}/e2e-webhook-receiver`);
  await page.click('button:has-text("Add webhook")');
  const secret = await page.locator('[data-testid=webhook-secret] code').first().textContent();
  assert(secret && secret.length >= 16, 'no signing secret shown');
  await page.click('[data-testid=webhook-secret] button:has-text("Done")');
  const item = page.locator('[data-testid=webhook-list] li.share-item').first();
  await item.locator('button:has-text("Send test")').click();
  await item.locator('[data-testid=deliveries-table] tbody tr').first().waitFor();
  await shot(page, 'alerts-desktop');
  await axe(page, 'alerts');
  // Profile and MFA on the member: setup → QR → confirm with a real TOTP → backup codes → off.
  const member = await newPage();
  await login(member.page, MEMBER);
  await member.page.goto('/settings/profile');
  await member.page.waitForSelector('input[name=theme]');
  await axe(member.page, 'settings-profile');
  await member.page.goto('/settings/security');
  await member.page.click('button:has-text("Set up two-factor authentication")');
  await member.page.waitForSelector('[data-testid=mfa-qr] path');
  await axe(member.page, 'settings-security');
  const key = await member.page.textContent('[data-testid=mfa-secret]');
  await member.page.fill('input[autocomplete=one-time-code]', totp(key));
  await member.page.click('button:has-text("Turn on")');
  await member.page.waitForSelector('[data-testid=mfa-backup-codes] li');
  const codes = await member.page.locator('[data-testid=mfa-backup-codes] li').allTextContents();
  assert(codes.length === 10, `expected 10 backup codes, saw ${codes.length}`);
  await member.page.click('button:has-text("I saved them")');
  await member.page.click('button:has-text("Turn off two-factor authentication")');
  await member.page.fill('form[aria-label="Turn off two-factor authentication"] input[type=password]', MEMBER.password);
  await member.page.fill('form[aria-label="Turn off two-factor authentication"] input[autocomplete=one-time-code]', codes[0]);
  await member.page.click('button:has-text("Turn off")');
  await member.page.waitForFunction(() => document.querySelector('[data-testid=mfa-status]')?.textContent === 'Off');
  await member.context.close();
  return { ...seen, backupCodes: codes.length };
}

await admin.context.close();
await finish('e2e-result.json');
