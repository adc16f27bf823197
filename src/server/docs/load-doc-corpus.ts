/**
 * Reads the docs corpus: every `*.md` file under a folder, recursively, without following symbolic
 * links, sorted by relative posix path. A missing folder is an empty corpus.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { FluvieError } from '../../core/errors.js';
import { compareCodeUnits } from './bm25-index.js';
import { extractTitle, type DocPage } from './doc-page.js';

/**
 * Returns the pages under `root`.
 * @throws FluvieError `config_invalid` when `root` exists but cannot be read as a folder.
 */
export async function loadDocCorpus(root: string): Promise<DocPage[]> {
  const files = await listMarkdownFiles(root, '');
  if (files === null) return [];

  files.sort(compareCodeUnits);
  const pages: DocPage[] = [];
  for (const relative of files) {
    const content = await readFile(path.join(root, ...relative.split('/')), 'utf8');
    pages.push({ path: relative, title: extractTitle(content, path.posix.basename(relative, '.md')), content });
  }
  return pages;
}

/** Relative posix paths of the markdown files below `root/relative`, or null when `root` is missing. */
async function listMarkdownFiles(root: string, relative: string): Promise<string[] | null> {
  let entries: Dirent[];
  try {
    entries = await readdir(path.join(root, ...relative.split('/').filter(Boolean)), { withFileTypes: true });
  } catch (error: unknown) {
    if (relative === '' && isMissing(error)) return null;
    throw new FluvieError('config_invalid', `Cannot read the docs folder ${root} (FLUVIE_DOCS_DIR): ${String(error)}. Point FLUVIE_DOCS_DIR at a readable folder of markdown files.`, { cause: error });
  }

  const files: string[] = [];
  for (const entry of entries) {
    // Dirent reports a symbolic link as a link, never as what it points to, so links are skipped here.
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) files.push(...((await listMarkdownFiles(root, child)) ?? []));
    else if (entry.isFile() && entry.name.endsWith('.md')) files.push(child);
  }
  return files;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
