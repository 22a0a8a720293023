/**
 * The admin panel in headless Chromium (issues 8 and 9), driven by
 * tests/e2e/test_spa_admin_e2e.py:  node e2e/admin.mjs <baseUrl> <artifactsDir>
 * Same harness as e2e/run.mjs (playwright-core + the system Chromium + axe-core). Flows:
 *  - super_admin_ingestion_live: a super admin runs an assignments ingestion for a date
 *    (served by the test's fake USPTO server on loopback) and watches it complete live,
 *    then browses jobs, freshness, organizations and pauses/resumes a queue (banner);
 *  - org_admin_rebuild_live: an org admin rebuilds the org's pipeline from the admin
 *    Pipeline tab and sees every step complete live, then the run in the history;
 *  - member_no_admin: a member reaches no admin screen.
 * Writes <artifactsDir>/e2e-admin-result.json and admin-* screenshots (1280 and 375 px).
 */
import { ADMIN, MEMBER, PHONE, SUPER, api, assert, login, startHarness } from './harness.mjs';

const { baseUrl, rest, browser, newPage, flow, shot, axe, finish } = await startHarness('admin.mjs', {
  extraArgs: '[day]',
});
const [day = '2016-01-02'] = rest;

/** Client-side navigation through the admin tabs (keeps one SSE stream at a time). */
async function tab(page, label) {
  await page.click(`nav[aria-label="Admin sections"] a:text-is("${label}")`);
}

const live = (page) => page.waitForSelector('[data-stream-state=live]');
const phoneShots = [];
const state = {};

await flow('super_admin_ingestion_live', async () => {
  const { context, page } = await newPage();
  await login(page, SUPER);
  await page.goto('/admin');
  await page.waitForSelector('[data-tile=activeOrgs] .stat__value:not(:text-is("—"))');
  await live(page);
  await shot(page, 'admin-overview-desktop');
  await axe(page, 'admin-overview');
  phoneShots.push(['/admin', 'admin-overview-phone', '[data-tile=activeOrgs]']);

  // Ingestion status, live: run the assignments of one day now and watch it complete.
  await tab(page, 'Ingestion');
  await page.waitForSelector('[data-source=USPTO_PASDL_DAILY]');
  await live(page);
  await page.selectOption('#run-now select[name=source]', 'assignments');
  await page.fill('#run-now input[name=dateFrom]', day);
  await page.fill('#run-now input[name=dateTo]', day);
  await page.click('#run-now button[type=submit]');
  const queued = await page.getAttribute('[data-queued]', 'data-queued');
  assert(queued, 'the trigger queued no job');
  const jobId = queued.split(',')[0];
  const statuses = new Set();
  const deadline = Date.now() + 120_000;
  let item;
  for (;;) {
    item = page.locator(`[data-live-job="${jobId}"]`);
    if (await item.count()) {
      const s = await item.getAttribute('data-live-status');
      statuses.add(s);
      if (s === 'completed') break;
      if (s === 'failed') throw new Error(`the ingestion failed: ${await item.textContent()}`);
    }
    if (Date.now() > deadline) throw new Error(`the ingestion did not complete live (seen ${[...statuses]})`);
    await page.waitForTimeout(100);
  }
  const records = Number(await item.getAttribute('data-records'));
  const progressEvents = Number(await page.getAttribute('[data-progress-events]', 'data-progress-events'));
  assert(records > 0, 'the completed job shows no records');
  assert(progressEvents >= 2, `only ${progressEvents} progress events reached the page`);
  await shot(page, 'admin-ingestion-desktop');
  await axe(page, 'admin-ingestion');
  phoneShots.push(['/admin/ingestion', 'admin-ingestion-phone', '[data-source]']);

  // Jobs browser: the new job row (from Postgres), its drawer with the payload.
  await tab(page, 'Jobs');
  const fileName = `ad${day.replaceAll('-', '')}.zip`;
  const row = page.locator('tr[data-job]', { hasText: fileName }).first();
  await row.waitFor();
  const rowStatus = await row.getAttribute('data-job-status');
  assert(rowStatus === 'success', `the job row says ${rowStatus}`);
  await row.locator('a').first().click();
  await page.waitForSelector('[data-job-drawer] .admin-json');
  const payload = await page.textContent('[data-job-drawer] .admin-json');
  assert(payload.includes('business_date'), 'the drawer shows no job payload');
  await shot(page, 'admin-jobs-desktop');
  await axe(page, 'admin-jobs');
  await page.click('[data-job-drawer] button:has-text("Close")');
  await page.selectOption('form[aria-label="Job filters"] select >> nth=0', 'failed');
  await page.waitForURL(/status=failed/);
  phoneShots.push(['/admin/ingestion/jobs', 'admin-jobs-phone', 'tr[data-job]']);

  // Freshness: status with icon and text.
  await tab(page, 'Freshness');
  await page.waitForSelector('[data-fresh-source=USPTO_PASDL_DAILY]');
  const freshText = await page.textContent('[data-fresh-source=USPTO_PASDL_DAILY] .badge');
  assert(/(Fresh|Stale|Critical)/.test(freshText) && /[✓!✕]/.test(freshText), `freshness status "${freshText}" lacks icon or text`);
  await shot(page, 'admin-freshness-desktop');
  await axe(page, 'admin-freshness');
  phoneShots.push(['/admin/ingestion/freshness', 'admin-freshness-phone', '[data-fresh-source]']);

  // Pause and resume a queue: the banner across admin follows.
  await tab(page, 'Ingestion');
  const control = page.locator('[data-queue=enrichment]');
  await control.locator('input').fill('e2e maintenance window');
  await control.locator('button:has-text("Pause enrichment")').click();
  await page.waitForSelector('[data-paused-banner=enrichment]');
  const banner = await page.textContent('[data-paused-banner]');
  assert(banner.includes('e2e maintenance window'), `banner: ${banner}`);
  await tab(page, 'Organizations');
  await page.waitForSelector('[data-paused-banner=enrichment]'); // across admin
  await shot(page, 'admin-organizations-desktop');
  await axe(page, 'admin-organizations');
  phoneShots.push(['/admin/organizations', 'admin-organizations-phone', 'tr[data-org]']);
  await tab(page, 'Ingestion');
  await page.locator('[data-queue=enrichment] button:has-text("Resume enrichment")').click();
  await page.waitForSelector('[data-paused-banner]', { state: 'detached' });

  // Organization detail → overview, users, pipeline (with history).
  await tab(page, 'Organizations');
  await page.click('tr[data-org] a:has-text("Acme Demo")');
  await page.waitForSelector('dl.kv');
  await shot(page, 'admin-org-overview-desktop');
  await axe(page, 'admin-org-overview');
  await page.click('nav[aria-label="Organization tabs"] a:text-is("Users")');
  await page.waitForSelector('tr[data-user="admin@demo.patentrack.dev"]');
  await axe(page, 'admin-org-users');
  await page.click('nav[aria-label="Organization tabs"] a:text-is("Pipeline")');
  await page.waitForSelector('[data-step=classify]');
  await page.waitForSelector('tr[data-run]');
  await axe(page, 'admin-org-pipeline-super');
  state.orgPath = new URL(page.url()).pathname;
  state.superState = await context.storageState();
  await context.close();
  return { jobId, statusesSeen: [...statuses], records, progressEvents, fileName };
});

await flow('org_admin_rebuild_live', async () => {
  const { context, page } = await newPage();
  await login(page, ADMIN);
  await page.goto('/admin');
  await page.waitForURL(/\/admin\/organizations\/[^/]+\/pipeline/);
  await page.waitForSelector('[data-step=classify]');
  await live(page);
  const before = await page.getAttribute('[data-run-status]', 'data-run-id');
  await page.click('button:has-text("Rebuild pipeline")');
  const seen = new Set();
  let runId = before;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const statuses = await page.$$eval('[data-step]', (els) => els.map((e) => e.getAttribute('data-step-status')));
    statuses.forEach((s) => seen.add(s));
    const run = await page.getAttribute('[data-run-status]', 'data-run-status');
    runId = await page.getAttribute('[data-run-status]', 'data-run-id');
    if (runId && runId !== before && run === 'success' && statuses.length === 8 && statuses.every((s) => s === 'success')) break;
    if (run === 'failed') throw new Error('the rebuild failed');
    if (Date.now() > deadline) throw new Error(`the steps did not complete: ${statuses.join(',')} run=${run}`);
    await page.waitForTimeout(100);
  }
  const durations = await page.$$eval('[data-step] .muted', (els) => els.map((e) => e.textContent));
  // The new run is listed in the history, with its step timings.
  const historyRow = page.locator(`tr[data-run="${runId}"]`);
  await historyRow.waitFor();
  await historyRow.locator('button').click();
  await page.waitForSelector(`[data-run-detail="${runId}"] tr[data-history-step=generate_json]`);
  const historySteps = await page.locator(`[data-run-detail="${runId}"] tr[data-history-step]`).count();
  await shot(page, 'admin-pipeline-desktop');
  await axe(page, 'admin-pipeline');
  const pipelinePath = new URL(page.url()).pathname;
  // An org admin has no other admin screen.
  await page.goto('/admin/ingestion');
  await page.waitForURL(/\/403/);
  const phone = await newPage(PHONE, await context.storageState());
  await phone.page.goto(pipelinePath);
  await phone.page.waitForSelector('[data-step=classify]');
  await shot(phone.page, 'admin-pipeline-phone');
  const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
  // What sticks out of a 375 px screen, for the failure message.
  const wide = await phone.page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(-6)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}`),
  );
  await phone.context.close();
  await context.close();
  assert(durations.every((d) => d && d !== '—' && !d.startsWith('—')), `steps without a duration: ${durations.join(' | ')}`);
  assert(historySteps === 8, `the history shows ${historySteps} steps`);
  return { previousRunId: before, runId, statusesSeen: [...seen], historySteps, phoneWidth: width, wide };
});

await flow('member_no_admin', async () => {
  const { context, page } = await newPage();
  await login(page, MEMBER);
  const reached = {};
  for (const path of ['/admin', '/admin/ingestion/jobs', state.orgPath ?? '/admin/organizations']) {
    await page.goto(path);
    await page.waitForURL(/\/403/);
    reached[path] = await page.textContent('h1');
  }
  const status = (await page.request.get('/api/v1/admin/ingestion/status')).status();
  await context.close();
  assert(Object.values(reached).every((h) => h === 'Access denied'), JSON.stringify(reached));
  assert(status === 403, `the API answered a member with ${status}`);
  return { reached, apiStatus: status };
});

await flow('admin_phone_screens', async () => {
  assert(state.superState, 'no super admin session from the first flow');
  const { context, page } = await newPage(PHONE, state.superState);
  for (const [path, name, sel] of phoneShots) {
    await page.goto(path);
    await page.waitForSelector(sel);
    await shot(page, name);
  }
  await context.close();
  return { shots: phoneShots.map((p) => p[1]) };
});

await finish('e2e-admin-result.json');
