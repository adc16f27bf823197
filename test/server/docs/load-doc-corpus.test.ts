import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocCorpus } from '../../../src/server/docs/load-doc-corpus.js';
import { tempDir } from '../../helpers/media.js';

async function write(root: string, relative: string, content: string): Promise<void> {
  const file = path.join(root, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

describe('loadDocCorpus', () => {
  it('reads markdown files recursively, sorted by posix path', async () => {
    const root = await tempDir();
    await write(root, 'z.md', '# Zed\n');
    await write(root, 'guides/b.md', '# B guide\n');
    await write(root, 'guides/a.md', '# A guide\n');
    await write(root, 'Upper.md', '# Upper\n');
    await write(root, 'notes.txt', '# not markdown\n');
    await write(root, 'guides/deep/c.md', '# Deep\n');

    const pages = await loadDocCorpus(root);
    expect(pages.map((page) => page.path)).toEqual(['Upper.md', 'guides/a.md', 'guides/b.md', 'guides/deep/c.md', 'z.md']);
    expect(pages[1]).toEqual({ path: 'guides/a.md', title: 'A guide', content: '# A guide\n' });
  });

  it('takes the title from the first level-one heading', async () => {
    const root = await tempDir();
    await write(root, 'titled.md', 'intro line\n## Sub\n# Real title  \n# Later\n');
    await write(root, 'untitled.md', '## Only a subheading\ntext\n');
    await write(root, 'hashtag.md', '#nospace\n');

    const pages = await loadDocCorpus(root);
    expect(pages.map((page) => page.title)).toEqual(['hashtag', 'Real title', 'untitled']);
  });

  it('does not follow symbolic links', async () => {
    const root = await tempDir();
    const outside = await tempDir();
    await write(outside, 'secret.md', '# Secret\n');
    await write(root, 'real.md', '# Real\n');
    await symlink(path.join(outside, 'secret.md'), path.join(root, 'linked.md'));
    await symlink(outside, path.join(root, 'linked-folder'));

    const pages = await loadDocCorpus(root);
    expect(pages.map((page) => page.path)).toEqual(['real.md']);
  });

  it('treats a missing folder as an empty corpus', async () => {
    const root = await tempDir();
    expect(await loadDocCorpus(path.join(root, 'does-not-exist'))).toEqual([]);
  });

  it('treats a file path as an empty corpus', async () => {
    const root = await tempDir();
    await write(root, 'file.md', '# File\n');
    expect(await loadDocCorpus(path.join(root, 'file.md'))).toEqual([]);
  });
});
