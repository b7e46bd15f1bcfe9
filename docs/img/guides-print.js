// Prints every guide of a running service to PDF as Chromium does (A4, the guide's own @page rules), counts
// the pages of each, and takes the README's picture of a guide as printed (guide-a4.png).
// Needs the npm package playwright-core and a Chromium: CHROMIUM=/usr/bin/chromium node guides-print.js http://localhost:8080
const { chromium } = require('playwright-core');

(async () => {
  const base = process.argv[2] || 'http://localhost:8080';
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  await page.goto(base + '/huong-dan');
  const guides = await page.$$eval('section[data-field] li a', links => links.map(a => a.getAttribute('href')));
  const byPages = {};
  for (const href of guides) {
    await page.goto(base + href);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const pages = Number((pdf.toString('latin1').match(/\/Count (\d+)/) || [0, -1])[1]);
    byPages[pages] = (byPages[pages] || 0) + 1;
    if (pages !== 1) { console.log(pages + ' pages: ' + href); }
  }
  console.log('guides by printed pages: ' + JSON.stringify(byPages) + ' (' + guides.length + ' guides)');

  // A4 at 96 dpi less the guide's 10 mm x 12 mm margins: 703 x 1047 px.
  await page.setViewportSize({ width: 703, height: 1047 });
  await page.goto(base + '/huong-dan/dang-ky-khai-sinh');
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() => document.querySelector('.qr img').naturalWidth > 0);
  await page.screenshot({ path: 'guide-a4.png' });
  await browser.close();
})();
