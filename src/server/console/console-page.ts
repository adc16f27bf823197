/** Builds the HTML of the render console at `/`; the scripts under `/console/` add its behaviour. */

export interface ConsolePageOptions {
  aiEnabled: boolean;
  /** File names of the bundled example specs. */
  examples: readonly string[];
  /** False when `dist/console` has no scripts, so the page shows how to build them. */
  scriptsBuilt: boolean;
  /** HTML fragment listing what the server has enabled, shown collapsed under the console. */
  serverSummary?: string;
}

const FORMATS = [
  ['mp4', 'MP4 (H.264)'],
  ['gif', 'GIF'],
  ['transparent', 'Transparent WebM (VP9 with alpha)'],
] as const;
const QUALITIES = ['low', 'medium', 'high', 'max'] as const;
const ASPECTS = [
  ['', 'As in the spec'],
  ['reels', 'Reels (9:16)'],
  ['square', 'Square (1:1)'],
  ['landscape', 'Landscape (16:9)'],
  ['portrait45', 'Portrait (4:5)'],
] as const;

export function renderConsolePage(options: ConsolePageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>fluvie-render console</title>
<link rel="stylesheet" href="/console/console.css">
<script type="module" src="/console/main.js"></script>
</head>
<body data-ai="${options.aiEnabled ? 'true' : 'false'}">
<header>
<h1>fluvie-render console</h1>
<p>Render a VideoSpec on this server and watch it progress. The API is described at <a href="/v1/openapi.json">/v1/openapi.json</a>.</p>
${options.scriptsBuilt ? '' : '<p class="alert" role="alert">The console scripts are missing from <code>dist/console</code>. Run <code>npm run build</code> and reload.</p>'}
<noscript><p class="alert">The console needs JavaScript. The API under /v1 works without it.</p></noscript>
</header>
<main>
${tokenSection()}
${specSection(options.examples)}
${optionsSection()}
${options.aiEnabled ? aiSection() : ''}
${jobSection()}
</main>
${options.serverSummary === undefined ? '' : `<footer>\n<details id="server-summary">\n<summary>This server</summary>\n${options.serverSummary}\n</details>\n</footer>`}
</body>
</html>
`;
}

function tokenSection(): string {
  return `<section aria-labelledby="token-heading">
<h2 id="token-heading">1. API token</h2>
<form id="token-form" class="row">
<label for="token-input">API token (the server's <code>API_TOKEN</code>)</label>
<input id="token-input" name="token" type="password" autocomplete="off" spellcheck="false" required>
<button type="submit">Use token</button>
<button type="button" id="token-forget">Forget token</button>
</form>
<p id="token-status" role="status">No token entered. It is kept in this tab's session storage only.</p>
</section>`;
}

function specSection(examples: readonly string[]): string {
  const exampleOptions = examples.map((name) => `<option value="${escapeHtml(name)}">${escapeHtml(name.replace(/\.fluvie\.json$/, ''))}</option>`).join('');
  return `<section aria-labelledby="spec-heading">
<h2 id="spec-heading">2. Spec</h2>
<div class="row">
<label for="example-select">Bundled example</label>
<select id="example-select"><option value="">Choose an example</option>${exampleOptions}</select>
<label for="spec-file">Or upload a .fluvie.json file</label>
<input id="spec-file" type="file" accept=".json,application/json">
</div>
<label for="spec-editor">VideoSpec JSON</label>
<textarea id="spec-editor" rows="18" spellcheck="false" autocapitalize="off" aria-describedby="spec-state"></textarea>
<div id="spec-report" aria-live="polite">
<p id="spec-state">Paste a spec, load an example or upload a file.</p>
<ul id="spec-problems"></ul>
</div>
</section>`;
}

function optionsSection(): string {
  const formats = FORMATS.map(([value, label]) => `<option value="${value}">${label}</option>`).join('');
  const qualities = QUALITIES.map((value) => `<option value="${value}"${value === 'high' ? ' selected' : ''}>${value}</option>`).join('');
  const aspects = ASPECTS.map(([value, label]) => `<option value="${value}">${label}</option>`).join('');
  return `<section aria-labelledby="options-heading">
<h2 id="options-heading">3. Output</h2>
<form id="render-form">
<div class="grid">
<div><label for="format-select">Format</label><select id="format-select" name="format">${formats}</select></div>
<div><label for="quality-select">Quality</label><select id="quality-select" name="quality">${qualities}</select></div>
<div><label for="aspect-select">Aspect</label><select id="aspect-select" name="aspect">${aspects}</select></div>
<div><label for="poster-input">Poster frame time</label><input id="poster-input" name="poster" type="text" placeholder="1.5s" aria-describedby="poster-help" spellcheck="false"></div>
</div>
<p id="poster-help" class="help">Time in the spec's grammar, such as <code>1.5s</code> or <code>12f</code>; leave empty for no poster.</p>
<button type="submit" id="render-button">Render spec</button>
</form>
</section>`;
}

function aiSection(): string {
  return `<section aria-labelledby="ai-heading">
<h2 id="ai-heading">Describe a video</h2>
<form id="ai-form">
<label for="ai-prompt">Prompt</label>
<textarea id="ai-prompt" name="prompt" rows="3" aria-describedby="ai-help"></textarea>
<p id="ai-help" class="help">"Render from prompt" writes a new spec. "Edit the spec" changes the one in the editor. Both use the output options above.</p>
<div class="row">
<button type="submit" value="prompt">Render from prompt</button>
<button type="submit" value="edit">Edit the spec</button>
</div>
</form>
</section>`;
}

function jobSection(): string {
  return `<section aria-labelledby="job-heading">
<h2 id="job-heading">4. Render</h2>
<p id="job-status" role="status">No render started.</p>
<div class="row">
<progress id="job-progress" max="1" value="0" aria-labelledby="job-heading" aria-describedby="job-progress-text"></progress>
<span id="job-progress-text"></span>
<button type="button" id="cancel-button" hidden>Cancel render</button>
</div>
<details id="authored" hidden>
<summary>Authored spec</summary>
<pre id="authored-spec" tabindex="0"></pre>
<button type="button" id="authored-load">Load into the editor</button>
</details>
<div id="job-result" hidden>
<video id="result-video" controls playsinline preload="metadata" hidden></video>
<img id="result-image" alt="Rendered GIF" hidden>
<ul>
<li><a id="video-link" download>Download the video</a></li>
<li id="poster-item" hidden><a id="poster-link" download>Download the poster</a></li>
</ul>
</div>
</section>`;
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
