import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, quiet on a closed network (STACK.md). Override with CHROMIUM_PATH. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page in a fresh browser context (own storage); closing the page closes the context. */
export async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The browser may already be gone when the page closes at the end of a file.
  page.on('close', () => {
    context.close().catch(() => undefined);
  });
  return page;
}
