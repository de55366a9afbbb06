// Drives kgx's report.html (built from examples/) in headless Chromium with
// no network: clicks an edge and checks the panel's evidence and document,
// filters by mineral and by date range and checks what stays visible, and
// saves a screenshot. With STATUS_REPORT (built from tests/data/exports, with
// a planned deal and a threatened tariff): checks that these are drawn dashed
// and that the status filter hides them.
// Usage: node report_browser.mjs REPORT CHROMIUM PNG [STATUS_REPORT]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const [report, executablePath, shot, statusReport] = process.argv.slice(2);
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kgx-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 800 },
});
try {
  const page = context.pages()[0] || await context.newPage();
  const requests = [];
  // Everything but the report itself is refused: the page must need nothing.
  const url = pathToFileURL(path.resolve(report)).href;
  const statusUrl = statusReport ? pathToFileURL(path.resolve(statusReport)).href : null;
  await context.route('**/*', (route) => {
    if (route.request().url() === url || route.request().url() === statusUrl) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('#panel h2');

  // Names of the country nodes shown, from the picture itself.
  const visibleNodes = () => page.$$eval('#graph g.node:not(.off) text', (ts) => ts.map((t) => t.textContent).sort());
  const all = await visibleNodes();
  check(all.includes('Japan') && all.includes('India') && all.includes('DR Congo'),
    `countries drawn by name: ${all}`);

  // The India–Japan agreement edge: find it by its two ends in the data.
  const edge = await page.evaluate(() => {
    const d = JSON.parse(document.getElementById('kgx-data').textContent);
    const key = (i) => d.nodes[i].key;
    return d.edges.findIndex((e) => e.agreements && [key(e.a), key(e.b)].sort().join() === 'IN,JP');
  });
  check(edge >= 0, 'an India–Japan agreement edge exists');
  await page.click(`#e${edge} text`);
  const panel = await page.textContent('#panel');
  check(panel.includes('India') && panel.includes('Japan'), 'panel names the parties');
  check(panel.includes('memorandum or framework'), 'panel gives the kind in words');
  check(panel.includes('日印、レアアース協力を確認'), 'panel shows the evidence sentence');
  check(panel.includes('in-jp-rare-earths.html') && panel.includes('2025-11-09') && panel.includes('ja'),
    'panel names the document, its date and language');
  const href = await page.getAttribute('#panel .source a', 'href');
  check(href && href.endsWith('/in-jp-rare-earths.html') && (href.startsWith('file:///') || !href.includes(':')),
    `document link: ${href}`);

  // A mineral's node lists the measure with no named target that points at it.
  const gallium = await page.evaluate(() =>
    JSON.parse(document.getElementById('kgx-data').textContent).nodes.findIndex((n) => n.key === 'gallium'));
  await page.click(`#n${gallium} text`);
  const galliumPanel = await page.textContent('#panel');
  check(galliumPanel.includes('China → no target named: export control') &&
    galliumPanel.includes('since Beijing restricted exports of both metals'), 'gallium node shows China\'s export control');

  // Mineral filter: cobalt is in the DRC–Rwanda and Japan–Philippines–US agreements.
  await page.selectOption('#f-mineral', 'cobalt');
  const cobalt = await visibleNodes();
  check(JSON.stringify(cobalt) === JSON.stringify(['DR Congo', 'Japan', 'Philippines', 'Rwanda', 'United States']),
    `cobalt filter leaves: ${cobalt}`);
  // Date range: of those, only the 2024-04-08 summit is dated in 2024.
  await page.fill('#f-since', '2024-01');
  await page.fill('#f-until', '2024-12');
  const dated = await visibleNodes();
  check(JSON.stringify(dated) === JSON.stringify(['Japan', 'Philippines', 'United States']),
    `cobalt in 2024 leaves: ${dated}`);
  const counts = await page.textContent('#counts');
  // One agreement of all (the total follows extraction), no measure.
  check(/^1 of \d+ agreements, 0 of 2 trade measures/.test(counts), `counts: ${counts}`);
  // Back to everything, then the timeline's month sets the range.
  await page.click('#f-reset');
  await page.click('#timeline .month[data-month="2025-11"]');
  const november = await visibleNodes();
  check(JSON.stringify(november) === JSON.stringify(['India', 'Japan']), `2025-11 leaves: ${november}`);
  await page.click('#f-reset');
  await page.click(`#e${edge} text`);
  await page.screenshot({ path: shot });
  if (statusReport) {
    await page.goto(statusUrl);
    await page.waitForSelector('#panel h2');
    // Edges drawn, by their label, and whether Graphviz drew them dashed.
    const drawn = () => page.$$eval('#graph g.edge:not(.off)', (es) => es.map((e) => {
      const p = e.querySelector('path');
      return { label: [...e.querySelectorAll('text')].map((t) => t.textContent).join(' '),
        dashed: !!(p && p.getAttribute('stroke-dasharray')) };
    }));
    const before = await drawn();
    const threat = before.find((e) => e.label === 'threatened tariff');
    check(threat && threat.dashed, `threatened tariff drawn dashed: ${JSON.stringify(before)}`);
    const plan = before.find((e) => e.label === 'planned: lithium');
    check(plan && plan.dashed, `planned deal drawn dashed: ${JSON.stringify(before)}`);
    check(before.some((e) => !e.dashed && e.label === 'export ban'), 'a measure in force drawn solid');
    const allText = await page.textContent('#panel');
    check(allText.includes('United States → China: threatened tariff') && allText.includes('planned'),
      'the panel gives the threat and the plan their status');
    await page.selectOption('#f-status', 'concluded or in force');
    const after = await drawn();
    check(after.length > 0 && after.every((e) => !e.dashed), `status filter leaves: ${JSON.stringify(after)}`);
    check(!(await visibleNodes()).includes('Argentina'), 'status filter hides the planned deal\'s parties');
    const filtered = await page.textContent('#panel');
    check(!filtered.includes('threatened') && !filtered.includes('planned'), 'status filter empties the panel of them');
  }
  check(errors.length === 0, `script errors: ${errors}`);
  check(requests.length === 0, `requests beyond the file: ${requests}`);
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
if (failures.length) { console.error('FAILED: ' + failures.join('; ')); process.exit(1); }
console.log(`report ok in Chromium; screenshot ${shot}`);
