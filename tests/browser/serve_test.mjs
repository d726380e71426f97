// Browser test of `facteur serve` (issue 7) with Debian's headless Chromium,
// driven by playwright-core. Builds nothing: give it the facteur binary and
// a HOME that already holds records.
//
//   node serve_test.mjs FACTEUR_BINARY HOME QUERY [SCREENSHOT_DIR]
//
// Starts `facteur serve` on a free loopback port (--listen 127.0.0.1:0; the
// port is read from its stderr), searches QUERY, checks the hits have a
// marked snippet and a loaded thumbnail, opens the first hit, checks its page
// images load and the text has marked hits, downloads the searchable PDF
// (must start with %PDF), checks the journal now shows the view and the
// download, and saves search.png and document.png. Exits non-zero on the
// first failure, after stopping the server.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [binary, home, query, shots = 'docs/screenshots'] = process.argv.slice(2);
if (!binary || !home || !query) {
  console.error('usage: node serve_test.mjs FACTEUR_BINARY HOME QUERY [SCREENSHOT_DIR]');
  process.exit(2);
}
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`);
  console.log(`ok - ${what}`);
}

// Starts the server; resolves with its base URL once it prints where it listens.
function startServer() {
  const server = spawn(binary, ['serve', '--home', home, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'inherit', 'pipe'] });
  const url = new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`facteur serve did not start: ${err}`)), 20000);
    server.stderr.on('data', (chunk) => {
      err += chunk;
      process.stderr.write(chunk);
      const m = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(err);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`facteur serve exited (${code}): ${err}`)); });
  });
  return { server, url };
}

async function allImagesLoaded(page, selector) {
  return page.$$eval(selector, (imgs) => imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0));
}

async function main() {
  mkdirSync(shots, { recursive: true });
  const { server, url } = startServer();
  let browser;
  try {
    const base = await url;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const failures = [];
    page.on('response', (r) => { if (r.status() >= 500) failures.push(`${r.status()} ${r.url()}`); });

    // 1. Search.
    await page.goto(`${base}/`);
    check((await page.title()).includes('facteur'), 'the search page loads');
    await page.fill('#q', query);
    await Promise.all([page.waitForNavigation(), page.click('form.search button[type=submit]')]);
    const hits = await page.$$('ol.hits li');
    check(hits.length > 0, `"${query}" finds ${hits.length} record(s)`);
    check((await page.$$('ol.hits .snippet mark')).length > 0, 'the snippets mark the hits');
    await page.waitForFunction(() => [...document.querySelectorAll('ol.hits img')].every((i) => i.complete));
    check(await allImagesLoaded(page, 'ol.hits img'), 'the thumbnails load');
    await page.screenshot({ path: join(shots, 'search.png'), fullPage: true });

    // 2. Open the first record.
    await Promise.all([page.waitForNavigation(), page.click('ol.hits li a.title >> nth=0')]);
    check(/\/doc\/[0-9a-f-]+/.test(page.url()), `the record opens (${page.url()})`);
    await page.waitForFunction(() => [...document.querySelectorAll('section.page img')].every((i) => i.complete));
    check(await allImagesLoaded(page, 'section.page img'), 'its page images load');
    check((await page.$$('pre.ocr mark')).length > 0, 'its text marks the query words');
    check((await page.textContent('#journal')).includes('viewed'), 'the journal shows the view');
    await page.screenshot({ path: join(shots, 'document.png'), fullPage: false });

    // 3. Download the searchable PDF.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-pdf')]);
    const bytes = readFileSync(await download.path());
    check(bytes.subarray(0, 4).toString('latin1') === '%PDF', `the PDF downloads (${bytes.length} bytes, starts with %PDF)`);
    await page.reload();
    check((await page.textContent('#journal')).includes('downloaded'), 'the journal shows the download');
    check(failures.length === 0, `no server error (${failures.join(', ')})`);
  } finally {
    if (browser) await browser.close();
    server.kill('SIGTERM');
  }
  const code = await new Promise((resolve) => (server.exitCode !== null ? resolve(server.exitCode) : server.on('exit', resolve)));
  check(code === 0, 'facteur serve stops cleanly on SIGTERM');
}

main().catch((e) => {
  console.error(`not ok - ${e.message}`);
  process.exit(1);
});
