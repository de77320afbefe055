// The page in a real browser (issue #17): the guest runs httpd behind a
// hostfwd from 127.0.0.1, Debian's chromium loads http://127.0.0.1:PORT/
// headless and takes a screenshot, and the test reads the PNG: the page's
// background (style.css, a second request) fills most of it and the
// heading's colour is drawn in the top rows (the HTML was rendered).
// Chromium is kept off every other address: no background networking,
// and every host name but 127.0.0.1 resolves to nothing.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { bootOnNetwork, startHttpd } from './guest.js';
import { hangLimit } from '../harness/timing.js';
import { freePort } from './http.js';
import { countColour, readPng } from './png.js';

const BACKGROUND: [number, number, number] = [0x10, 0x30, 0x5a];
const HEADING: [number, number, number] = [0xff, 0xd7, 0x5a];

describe('the page in a browser', () => {
  it('chromium shows the page httpd serves from the guest', async () => {
    const port = await freePort();
    const vm = await bootOnNetwork({ forward: [{ hostPort: port, guestPort: 80 }] }, '(dhcp)');
    await startHttpd(vm);
    const dir = mkdtempSync(join(tmpdir(), 'tskc-chromium-'));
    const shot = join(dir, 'page.png');
    await execa('chromium', [
      '--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(dir, 'profile')}`, '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--window-size=800,600', `--screenshot=${shot}`, `http://127.0.0.1:${port}/`,
    ], { timeout: hangLimit(90_000), reject: true });
    const img = readPng(readFileSync(shot));
    expect([img.width, img.height]).toEqual([800, 600]);
    expect(countColour(img, BACKGROUND)).toBeGreaterThan(800 * 600 * 0.8);
    expect(countColour(img, HEADING, 0, 120)).toBeGreaterThan(200);
    expect(countColour(img, HEADING, 200, 600)).toBe(0);
  }, hangLimit(300_000));
});
