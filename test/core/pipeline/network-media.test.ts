/**
 * Network media sources: fetched into a temp folder and rewritten to files when allowed, named as
 * unsupported when not, and loopback addresses rejected through the render command.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../../src/core/net/public-address.js';
import { fetchNetworkMedia } from '../../../src/core/pipeline/network-media.js';
import { runCliCapture } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/media.js';
import { parseSpec } from '../engines/native/native-helpers.js';

let server: Server;
let base = '';
let tone: Buffer;

beforeAll(async () => {
  const result = await execa('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=0.5', '-f', 'wav', 'pipe:1'], { encoding: 'buffer' });
  tone = Buffer.from(result.stdout);
  server = createServer((_request, response) => response.end(tone));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const networkSpec = (url: string): Record<string, unknown> => ({
  fluvieSpec: 1,
  size: { width: 64, height: 64 },
  audio: [{ kind: 'music', source: { kind: 'network', value: url } }],
  scenes: [{ duration: '1s', background: { kind: 'color', color: '#000000' } }],
});

describe('fetchNetworkMedia', () => {
  it('downloads and rewrites to file sources', async () => {
    const spec = parseSpec(networkSpec(`${base}/bed.wav`));
    const fetched = await fetchNetworkMedia(spec, { signal: new AbortController().signal, isAllowedAddress: (address) => address === '127.0.0.1' || isPublicAddress(address) });
    const source = fetched.spec.audio?.[0]?.source;

    expect(source?.kind).toBe('file');
    expect(source?.value.startsWith(fetched.folder ?? '?')).toBe(true);
    expect(source?.value.endsWith('bed.wav')).toBe(true);
    expect(await readFile(source?.value ?? '')).toEqual(tone);
    expect(spec.audio?.[0]?.source.kind).toBe('network');
  });

  it('returns the spec unchanged without network sources', async () => {
    const spec = parseSpec({ fluvieSpec: 1, scenes: [{ duration: '1s' }] });
    const fetched = await fetchNetworkMedia(spec, { signal: new AbortController().signal });
    expect(fetched).toEqual({ spec, folder: null });
  });
});

describe('render with network sources', () => {
  async function renderSpec(flags: string[]): Promise<{ code: number; message: string; out: string }> {
    const dir = await tempDir();
    const specFile = path.join(dir, 'net.fluvie.json');
    await writeFile(specFile, JSON.stringify(networkSpec(`${base}/bed.wav`)));
    const out = path.join(dir, 'out.mp4');
    const run = await runCliCapture(['render', '--spec', specFile, '--out', out, '--json', ...flags]);
    const events = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; message?: string });
    return { code: run.code, message: events.find((event) => event.type === 'error')?.message ?? '', out };
  }

  it('names the source as unsupported without --allow-network', async () => {
    const run = await renderSpec([]);
    expect(run.code).toBe(1);
    expect(run.message).toContain('audio[0].source: network audio source: fetched only with --allow-network');
  });

  it('rejects a loopback host with --allow-network', async () => {
    const run = await renderSpec(['--allow-network']);
    expect(run.code).not.toBe(0);
    expect(run.message).toContain('audio[0].source: network source host 127.0.0.1 resolves only to private, loopback');
    expect(existsSync(run.out)).toBe(false);
  });
});
