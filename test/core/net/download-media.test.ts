/**
 * Network media downloads against a local HTTP server on 127.0.0.1. The address check is widened to
 * exactly 127.0.0.1 so the server is reachable; every other private address stays rejected.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadMedia, type DownloadOptions } from '../../../src/core/net/download-media.js';
import { isPublicAddress } from '../../../src/core/net/public-address.js';

let server: Server;
let base = '';
let dir = '';
let port = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fluvie-download-'));
  server = createServer((request, response) => {
    const redirect = (location: string): void => {
      response.writeHead(302, { location });
      response.end();
    };
    switch (request.url) {
      case '/ok':
        response.end('media');
        return;
      case '/big':
        response.end(Buffer.alloc(2000));
        return;
      case '/big-chunked':
        response.write(Buffer.alloc(1000));
        response.end(Buffer.alloc(1000));
        return;
      case '/missing':
        response.writeHead(404);
        response.end();
        return;
      case '/to-ok':
        return redirect('/ok');
      case '/to-loopback':
        return redirect(`http://127.0.0.2:${port}/ok`);
      case '/to-metadata':
        return redirect('http://169.254.169.254/latest/meta-data/');
      case '/to-private':
        return redirect('http://10.0.0.1/a.mp3');
      case '/to-file':
        return redirect('file:///etc/passwd');
      case '/slow':
        // Sends no response, so the download's time limit ends it.
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** Downloads with the check widened to the test server's address only. */
function download(url: string, overrides: Partial<DownloadOptions> = {}): Promise<number> {
  return downloadMedia({
    url,
    destination: path.join(dir, 'media.bin'),
    maxBytes: 1500,
    timeoutMs: 5000,
    signal: new AbortController().signal,
    path: 'audio[0].source',
    isAllowedAddress: (address) => address === '127.0.0.1' || isPublicAddress(address),
    ...overrides,
  });
}

describe('downloadMedia', () => {
  it('downloads and follows a redirect', async () => {
    expect(await download(`${base}/to-ok`)).toBe(5);
    expect(await readFile(path.join(dir, 'media.bin'), 'utf8')).toBe('media');
  });

  it.each([
    ['127.0.0.1 without the test widening', 'http://127.0.0.1:9/a.mp3', { isAllowedAddress: isPublicAddress }],
    ['the metadata address', 'http://169.254.169.254/latest/meta-data/', {}],
    ['a 10.x address', 'http://10.1.2.3/a.mp3', {}],
    ['IPv6 loopback', 'http://[::1]/a.mp3', {}],
    ['a host name resolving to loopback', 'http://localhost:9/a.mp3', { isAllowedAddress: isPublicAddress }],
    ['a non-http scheme', 'ftp://example.com/a.mp3', {}],
  ])('rejects %s', async (_name, url, overrides) => {
    await expect(download(url, overrides)).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it.each([
    ['loopback', '/to-loopback'],
    ['the metadata address', '/to-metadata'],
    ['a private address', '/to-private'],
    ['a file URL', '/to-file'],
  ])('rejects a redirect to %s', async (_name, route) => {
    await expect(download(`${base}${route}`)).rejects.toMatchObject({ code: 'invalid_request' });
    expect(existsSync(path.join(dir, 'media.bin'))).toBe(false);
  });

  it('rejects a declared size above the limit', async () => {
    await expect(download(`${base}/big`)).rejects.toMatchObject({ code: 'payload_too_large' });
  });

  it('rejects a streamed size above the limit', async () => {
    await expect(download(`${base}/big-chunked`)).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(existsSync(path.join(dir, 'media.bin'))).toBe(false);
  });

  it('stops at the time limit', async () => {
    await expect(download(`${base}/slow`, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'timeout' });
  });

  it('reports an HTTP error status', async () => {
    await expect(download(`${base}/missing`)).rejects.toMatchObject({ code: 'file_not_found' });
  });
});
