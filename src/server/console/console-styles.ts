/** Stylesheet of the render console: system fonts only, so the page loads nothing from the network. */
export const CONSOLE_STYLES = `
:root { color-scheme: light dark; --accent: #1a5fd0; --error: #b3261e; --border: #8889; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0 auto; max-width: 56rem; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.2rem; margin: 0 0 0.5rem; }
section { border: 1px solid var(--border); border-radius: 0.5rem; margin: 1rem 0; padding: 1rem; }
label { display: block; font-weight: 600; margin: 0.5rem 0 0.25rem; }
input, select, textarea, button { font: inherit; max-width: 100%; }
input[type="text"], input[type="password"], select { min-height: 2.5rem; padding: 0.25rem 0.5rem; }
textarea { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9rem; padding: 0.5rem; width: 100%; }
button { background: var(--accent); border: 0; border-radius: 0.375rem; color: #fff; cursor: pointer; min-height: 2.5rem; padding: 0.375rem 1rem; }
button[type="button"] { background: transparent; border: 1px solid var(--accent); color: inherit; }
button:disabled { cursor: not-allowed; opacity: 0.55; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.row { align-items: center; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; }
.row label { margin: 0; }
.grid { display: grid; gap: 0 1rem; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); }
.grid select, .grid input { width: 100%; }
.help { font-size: 0.9rem; margin: 0.25rem 0 0.75rem; opacity: 0.85; }
.alert { border-left: 4px solid var(--error); padding-left: 0.75rem; }
#spec-problems { margin: 0.25rem 0; padding-left: 1.25rem; }
#spec-problems li { color: var(--error); }
#spec-problems code { font-weight: 600; }
#spec-report[data-state="ok"] #spec-state { color: #1b7f3b; }
#spec-report[data-state="error"] #spec-state { color: var(--error); }
progress { flex: 1 1 12rem; height: 1.25rem; }
#job-status[data-state="failed"], #job-status[data-state="canceled"] { color: var(--error); }
video, #result-image { background: #000; display: block; margin: 0.75rem 0; max-height: 70vh; max-width: 100%; width: 40rem; height: auto; }
#server-summary { margin: 1rem 0; }
#server-summary th { padding-right: 1rem; text-align: left; }
pre { max-height: 20rem; overflow: auto; white-space: pre-wrap; word-break: break-word; }
@media (max-width: 40rem) {
  body { padding: 0.5rem; }
  section { padding: 0.75rem; }
  .row { align-items: stretch; flex-direction: column; }
  progress { flex: none; width: 100%; }
  button { width: 100%; }
}
`;
