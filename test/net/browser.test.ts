// The page in a real browser (issue #17): the guest boots the disk of
// `npm start`, whose /etc/rc starts httpd, and serves /var/www/index.html
// from the disk (the body must be that file) behind a hostfwd from 127.0.0.1; Debian's chromium loads http://127.0.0.1:PORT/
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
import { bootOnNetwork } from './guest.js';
import { hangLimit } from '../harness/timing.js';
import { freePort, httpGet } from './http.js';
import { countColour, readPng } from './png.js';

const BACKGROUND: [number, number, number] = [0x10, 0x30, 0x5a];
const HEADING: [number, number, number] = [0xff, 0xd7, 0x5a];

describe('the page in a browser', () => {
  it('chromium shows the page httpd serves from the guest', async () => {
    const port = await freePort();
    // The disk of `npm start`: its /etc/rc starts httpd, which serves /var/www/index.html from the disk.
    const vm = await bootOnNetwork({ forward: [{ hostPort: port, guestPort: 80 }] }, '(dhcp)', { rc: true });
    await vm.waitForSerial('httpd: listening on port 80', hangLimit(60_000));
    const page = await httpGet(port, '/');
    expect(page.body.toString()).toBe(readFileSync(join(import.meta.dirname, '..', '..', 'userland', 'www', 'index.html'), 'utf8'));
    expect(page.body.toString()).toContain('It is the file /var/www/index.html on the guest');
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
