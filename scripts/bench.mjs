// `npm run bench`: builds the project, runs every benchmark section side by side in one run, prints
// the ratios and writes docs/benchmarks.md. Timings live here, never in unit tests.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemDeps } from './ensure-system-deps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

ensureSystemDeps();
execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });

const sectionNames = process.argv.slice(2);
const { SECTIONS } = await import('./bench/sections.mjs');
const selected = sectionNames.length === 0 ? SECTIONS : SECTIONS.filter((section) => sectionNames.includes(section.name));

const results = [];
for (const section of selected) {
  process.stderr.write(`\n== ${section.title}\n`);
  const result = await section.run({ root, log: (line) => process.stderr.write(`${line}\n`) });
  results.push({ section, result });
  process.stdout.write(`${section.title}\n${result.rows.map((row) => `  ${row[0]}: ${row[1]}`).join('\n')}\n`);
}

writeFileSync(path.join(root, 'docs', 'benchmarks.md'), renderMarkdown(results));
process.stderr.write('\nWrote docs/benchmarks.md\n');

function renderMarkdown(entries) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const ffmpegVersion = execFileSync('ffmpeg', ['-version'], { encoding: 'utf8' }).split('\n', 1)[0];
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench`; every number below comes from one run on the machine named here.',
    'Ratios compare parts measured side by side in that run, so they carry over between machines',
    'better than the absolute times do.',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${os.availableParallelism()} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${os.platform()} ${os.release()}`,
    `- Node.js ${process.version}; ${ffmpegVersion}`,
    '',
  ];
  for (const { section, result } of entries) {
    lines.push(`## ${section.title}`, '', section.description, '', '| Measure | Value |', '| --- | --- |');
    for (const [name, value] of result.rows) lines.push(`| ${name} | ${value} |`);
    if ((result.targets ?? []).length > 0) {
      lines.push('', '| Target | Measured | Met |', '| --- | --- | --- |');
      for (const target of result.targets) lines.push(`| ${target.name} | ${target.measured} | ${target.met ? 'yes' : 'no'} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
