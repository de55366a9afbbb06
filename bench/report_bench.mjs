// Times kgx's report.html in headless Chromium (no network): opening it
// (navigation until the panel is drawn) and each filter (from the change to
// the next frame), the median of 5 runs each. Needs playwright-core:
//   npm install --prefix build/node playwright-core@1.49.1
//   node bench/report_bench.mjs report.html [/usr/bin/chromium]
// (run from the source folder, or with NODE_PATH=build/node/node_modules).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(path.resolve('build/node/package.json'));
const { chromium } = require('playwright-core');
const [report, executablePath = '/usr/bin/chromium'] = process.argv.slice(2);
const url = pathToFileURL(path.resolve(report)).href;
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kgx-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath, headless: true, viewport: { width: 1280, height: 800 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
await context.route('**/*', (r) => (r.request().url() === url ? r.continue() : r.abort()));
const page = context.pages()[0] || await context.newPage();
const open = [];
for (let i = 0; i < 5; i++) {
  const t = Date.now();
  await page.goto(url);
  await page.waitForSelector('#panel h2');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  open.push(Date.now() - t);
}
// One filter change, timed inside the page up to the next frame.
const timeFilter = (id, value) => page.evaluate(([id, value]) => new Promise((resolve) => {
  const t = performance.now();
  const e = document.getElementById(id);
  e.value = value;
  e.dispatchEvent(new Event(e.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  requestAnimationFrame(() => resolve(performance.now() - t));
}), [id, value]);
const firstOption = (id) => page.$eval(`#${id} option:nth-child(2)`, (o) => o.value);
const runs = { country: [], mineral: [], since: [], search: [], clear: [] };
for (let i = 0; i < 5; i++) {
  runs.country.push(await timeFilter('f-country', await firstOption('f-country')));
  runs.mineral.push(await timeFilter('f-mineral', await firstOption('f-mineral')));
  runs.since.push(await timeFilter('f-since', '2025-06'));
  runs.search.push(await timeFilter('f-text', 'lithium'));
  runs.clear.push(await page.evaluate(() => new Promise((resolve) => {
    const t = performance.now();
    document.getElementById('f-reset').click();
    requestAnimationFrame(() => resolve(performance.now() - t));
  })));
}
const counts = await page.textContent('#counts');
await context.close();
fs.rmSync(profile, { recursive: true, force: true });
console.log(`${report}: ${(fs.statSync(report).size / 1e6).toFixed(2)} MB; ${counts.split(';')[0]}`);
console.log(`open: ${median(open)} ms (median of 5)`);
for (const [name, xs] of Object.entries(runs))
  console.log(`filter ${name}: ${median(xs).toFixed(0)} ms (median of 5)`);
