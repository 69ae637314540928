// `npm start`: builds the extension and opens Chromium with it on the bundled demo pages (a local Gmail thread and
// LinkedIn profile, served as mail.google.com / www.linkedin.com), so it works with no account.
// With a display: a normal Chromium window; click the Resourceful toolbar icon (or Alt+Shift+R) for the panel.
// Without one (or with --headless): runs headless, walks through the main flow and writes screenshots of each page
// with the side panel beside it to demo-output/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchWithExtension, newUserDataDir } from './lib/browser.mjs';
import { fixtureUrl, GMAIL_DIR, ROOT, startFixtureServer } from './lib/fixture-server.mjs';

const OUT = path.join(ROOT, 'demo-output');
const headless = process.argv.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const skipBuild = process.argv.includes('--no-build');

const GMAIL_DEMO = fixtureUrl(path.join(GMAIL_DIR, 'inquiry-simple.html'));
const GMAIL_DEMO_2 = fixtureUrl(path.join(GMAIL_DIR, 'collapsed-thread.html'));
// The hand-made newer-layout profile ships with the repo, so the demo never depends on ../shared.
const LINKEDIN_DEMO = 'https://www.linkedin.com/in/amara-okonkwo-lindqvist-4b1a2c/';

function log(msg) {
  console.log(`[demo] ${msg}`);
}

if (!skipBuild) {
  log('building the extension…');
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

const server = await startFixtureServer();
const userDataDir = newUserDataDir();
log(`fixture server on 127.0.0.1:${server.port} (as mail.google.com and www.linkedin.com)`);
const { context, worker, extensionId } = await launchWithExtension({ port: server.port, userDataDir, headless });
log(`extension loaded: ${extensionId}`);

async function tabIdFor(url) {
  for (let i = 0; i < 100; i++) {
    const id = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, url);
    if (id !== null) {
      const has = await worker.evaluate(async (k) => !!(await chrome.storage.session.get(k))[k], `tab:${id}`);
      if (has) return id;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the extension did not read ${url}`);
}

if (!headless) {
  for (const url of [GMAIL_DEMO, LINKEDIN_DEMO]) await (await context.newPage()).goto(url);
  log('Chromium is open. Click the Resourceful icon in the toolbar (or press Alt+Shift+R) to open the side panel.');
  log('Close the browser window to stop.');
  await new Promise((resolve) => context.on('close', resolve));
} else {
  fs.mkdirSync(OUT, { recursive: true });
  const shots = [];
  // Side by side: the site at 1280×800 and the panel at 400×800, composed on one canvas by Chromium itself.
  async function capture(name, sitePage, panel, wait) {
    await panel.locator(wait).first().waitFor({ timeout: 10_000 });
    await panel.waitForTimeout(200);
    const site = (await sitePage.screenshot()).toString('base64');
    const side = (await panel.screenshot()).toString('base64');
    const canvas = await context.newPage();
    await canvas.setViewportSize({ width: 1681, height: 800 });
    await canvas.setContent(
      `<body style="margin:0;display:flex;background:#888"><img src="data:image/png;base64,${site}" width="1280" height="800"><div style="width:1px;background:#888"></div><img src="data:image/png;base64,${side}" width="400" height="800"></body>`,
    );
    const file = path.join(OUT, `${name}.png`);
    await canvas.screenshot({ path: file });
    await canvas.close();
    shots.push(file);
    log(`wrote ${path.relative(ROOT, file)}`);
  }

  // First run, as a rep would do it: say what you offer, add two resources to give away.
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=999999`);
  const card = panel.getByTestId('onboarding');
  await card.waitFor();
  await card.getByLabel('Your name (for sign-offs)').fill('Alex Rivera');
  await card.getByTestId('onboarding-offers').fill('CRM implementation\nSales process coaching\nPipeline and forecasting setup');
  await card.getByTestId('onboarding-not').fill('Web design\nPaid ads\nRecruiting');
  await card.getByRole('button', { name: 'Save' }).click();
  for (const r of [
    ['CRM selection checklist for small teams', 'Twenty questions to answer before you pick a CRM: who updates it, which reports you need.', 'crm, checklist'],
    ['Phased CRM rollout plan', 'Pilot with two sites, then roll out: a week-by-week plan with the training steps.', 'crm, rollout, training'],
  ]) {
    await panel.getByTestId('quick-add-open').click();
    const form = panel.getByTestId('quick-add-form');
    await form.getByLabel('Title').fill(r[0]);
    await form.getByLabel('One-line summary').fill(r[1]);
    await form.getByLabel('Tags (comma-separated)').fill(r[2]);
    await form.locator('button[type=submit]').click();
    await panel.getByTestId('quick-added').waitFor();
  }

  const gmail = await context.newPage();
  await gmail.goto(GMAIL_DEMO);
  const gmailTab = await tabIdFor(GMAIL_DEMO);
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${gmailTab}`);
  await capture('1-gmail-reply-studio', gmail, panel, '[data-testid=suggestion]');

  await panel.getByTestId('use-reply').first().click();
  await panel.getByTestId('use-result').waitFor();
  await gmail.locator('div[g_editable="true"]').scrollIntoViewIfNeeded();
  await capture('2-gmail-reply-inserted', gmail, panel, '[data-testid=use-result]');

  await panel.getByLabel('New note').fill('Runs 14 clinics; worried about a big-bang launch. Sent the rollout plan.');
  await panel.getByRole('button', { name: 'Add note' }).click();
  await panel.getByTestId('note').first().scrollIntoViewIfNeeded();
  await capture('3-gmail-saved-with-note', gmail, panel, '[data-testid=note]');

  await gmail.evaluate((u) => (location.href = u), GMAIL_DEMO_2);
  await panel.waitForTimeout(500);
  await panel.evaluate(() => scrollTo(0, 0));
  await capture('4-gmail-thread-switch', gmail, panel, '[data-testid=contact-name]');

  const li = await context.newPage();
  await li.goto(LINKEDIN_DEMO);
  const liTab = await tabIdFor(LINKEDIN_DEMO);
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${liTab}`);
  await capture('5-linkedin-profile', li, panel, '[data-testid=contact-name]');

  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=999999`);
  await capture('6-home-queue', gmail, panel, '[data-testid=unanswered]');

  await context.close();
  log(`done: ${shots.length} screenshots in demo-output/`);
}

await server.close();
fs.rmSync(userDataDir, { recursive: true, force: true });
