import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/media.js';
import { REFERENCE_SPEC_DIR } from '../../spec/reference-specs.js';

describe('spec to-dart', () => {
  it('prints a reference spec on stdout', async () => {
    const run = await runCliCapture(['spec', 'to-dart', path.join(REFERENCE_SPEC_DIR, 'rich.fluvie.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("import 'package:flutter/material.dart' hide Animation, Clip, Image, Tween;\n")).toBe(true);
    expect(run.stdout).toContain("  final intro = Anchor('intro');\n");
    expect(run.stdout).toContain('Trigger.whenEnds(intro)');
  });

  it('writes --out', async () => {
    const dir = await tempDir();
    const run = await runCliCapture(['spec', 'to-dart', path.join(REFERENCE_SPEC_DIR, 'minimal.fluvie.json'), '--out', 'video.dart'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const code = await readFile(path.join(dir, 'video.dart'), 'utf8');
    expect(code).toContain("Text('hello'");
  });

  it('prints the wave-2 surfaces', async () => {
    const run = await runCliCapture(['spec', 'to-dart', path.join(REFERENCE_SPEC_DIR, 'wave2_surfaces.fluvie.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("child: Mermaid(\n");
    expect(run.stdout).toContain('theme: MermaidTheme.dark(),');
    expect(run.stdout).toContain("WebView.url(\n                'https://example.com/pricing',");
  });

  it('fails on a value without a Dart form, naming its path', async () => {
    const dir = await tempDir();
    const diagram = { scenes: [{ duration: '1s', children: [{ type: 'Mermaid', source: 'graph TD; A', theme: 'forest' }] }] };
    await writeFile(path.join(dir, 'diagram.fluvie.json'), JSON.stringify(diagram));
    const run = await runCliCapture(['spec', 'to-dart', 'diagram.fluvie.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Cannot print scenes[0].children[0].theme as Dart: Mermaid has no theme "forest"; use "dark" or "light".');
  });

  it('fails on an invalid spec', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'bad.fluvie.json'), '{"scenes": []}');
    const run = await runCliCapture(['spec', 'to-dart', 'bad.fluvie.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is invalid');
  });
});
