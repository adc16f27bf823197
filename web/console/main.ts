/** Entry point of the render console: wires the token, spec, output, prompt and render sections. */
import { ApiError, cancelRender, followRender, getRender, startRender, type JobJson } from './api-client.js';
import { byId, optionalById } from './dom.js';
import { createRenderView } from './render-view.js';
import { createSpecEditor } from './spec-editor.js';
import { forgetToken, readToken, saveToken } from './token-store.js';

const TERMINAL = new Set(['succeeded', 'failed', 'canceled']);
/** Times the console reconnects to a job's event stream that ended without a terminal event. */
const MAX_RECONNECTS = 5;

const tokenForm = byId('token-form', HTMLFormElement);
const tokenInput = byId('token-input', HTMLInputElement);
const tokenStatus = byId('token-status', HTMLParagraphElement);
const renderForm = byId('render-form', HTMLFormElement);
const formatSelect = byId('format-select', HTMLSelectElement);
const qualitySelect = byId('quality-select', HTMLSelectElement);
const aspectSelect = byId('aspect-select', HTMLSelectElement);
const posterInput = byId('poster-input', HTMLInputElement);
const cancelButton = byId('cancel-button', HTMLButtonElement);
const aiForm = optionalById('ai-form', HTMLFormElement);
const aiPrompt = optionalById('ai-prompt', HTMLTextAreaElement);

const editor = createSpecEditor(() => formatSelect.value);
const view = createRenderView();
let currentJobId: string | null = null;

function showTokenState(): void {
  const hasToken = readToken() !== null;
  tokenStatus.textContent = hasToken ? 'Token set for this tab.' : 'No token entered. It is kept in this tab\'s session storage only.';
  for (const button of document.querySelectorAll<HTMLButtonElement>('#render-form button, #ai-form button')) button.disabled = !hasToken || currentJobId !== null;
}

function outputOptions(): Record<string, string> {
  const options: Record<string, string> = { format: formatSelect.value, quality: qualitySelect.value };
  if (aspectSelect.value !== '') options['aspect'] = aspectSelect.value;
  if (posterInput.value.trim() !== '') options['poster'] = posterInput.value.trim();
  return options;
}

async function render(body: Record<string, unknown>): Promise<void> {
  const format = formatSelect.value;
  view.reset();
  view.status('Submitting the render…');
  let job: JobJson;
  try {
    job = await startRender({ ...body, options: outputOptions() });
  } catch (error: unknown) {
    if (error instanceof ApiError && error.diagnostics.length > 0) editor.showDiagnostics(error.diagnostics);
    view.status(`The render was not accepted: ${error instanceof Error ? error.message : String(error)}`, 'failed');
    return;
  }

  currentJobId = job.id;
  showTokenState();
  view.cancelable(true);
  view.status(`Render ${job.id} queued.`);
  try {
    view.finished(await followUntilDone(job.id), format);
  } catch (error: unknown) {
    view.status(`Lost track of render ${job.id}: ${error instanceof Error ? error.message : String(error)}`, 'failed');
  } finally {
    currentJobId = null;
    view.cancelable(false);
    showTokenState();
  }
}

/** Follows the job's events; a stream that drops before the end is reopened after a status check. */
async function followUntilDone(id: string): Promise<JobJson> {
  let terminal: JobJson | null = null;
  const onEvent = (event: string, data: unknown): void => {
    const value = data as Record<string, unknown>;
    if (event === 'status') view.status(value['status'] === 'running' ? `Rendering ${id}…` : `Render ${id} queued.`);
    else if (event === 'progress') view.progress(Number(value['completed']), Number(value['total']));
    else if (event === 'authored') view.authored(typeof value['code'] === 'string' ? value['code'] : null, value['spec']);
    else if (TERMINAL.has(event)) terminal = data as JobJson;
    else if (event === 'error') view.status(`The event stream failed: ${JSON.stringify(value['error'] ?? value)}`, 'failed');
  };

  for (let attempt = 0; attempt <= MAX_RECONNECTS; attempt++) {
    // A dropped connection is not an error here: the status check below decides what happens next.
    await followRender(id, onEvent).catch(() => undefined);
    if (terminal !== null) return terminal;
    const current = await getRender(id);
    if (TERMINAL.has(current.status)) return current;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`the event stream closed ${MAX_RECONNECTS + 1} times before the render ended`);
}

tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const token = tokenInput.value.trim();
  if (token === '') return;
  saveToken(token);
  tokenInput.value = '';
  showTokenState();
  editor.revalidate();
});

byId('token-forget', HTMLButtonElement).addEventListener('click', () => {
  forgetToken();
  showTokenState();
  editor.revalidate();
});

formatSelect.addEventListener('change', () => editor.revalidate());

renderForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const parsed = editor.read();
  if (!parsed.ok) {
    view.status(parsed.message, 'failed');
    return;
  }
  void render({ spec: parsed.spec });
});

cancelButton.addEventListener('click', () => {
  if (currentJobId === null) return;
  view.status(`Canceling ${currentJobId}…`);
  cancelRender(currentJobId).catch((error: unknown) => view.status(`Cancel failed: ${error instanceof Error ? error.message : String(error)}`, 'failed'));
});

aiForm?.addEventListener('submit', (event) => {
  event.preventDefault();
  const prompt = aiPrompt?.value.trim() ?? '';
  if (prompt === '') {
    view.status('Write a prompt first.', 'failed');
    return;
  }
  const mode = event.submitter instanceof HTMLButtonElement ? event.submitter.value : 'prompt';
  if (mode === 'prompt') {
    void render({ prompt });
    return;
  }
  const parsed = editor.read();
  if (!parsed.ok) {
    view.status(`The spec to edit is not valid JSON: ${parsed.message}`, 'failed');
    return;
  }
  void render({ edit: { base: parsed.spec, change: prompt } });
});

byId('authored-load', HTMLButtonElement).addEventListener('click', () => {
  const spec = byId('authored', HTMLDetailsElement).dataset['spec'];
  if (spec !== undefined) editor.load(spec);
});

showTokenState();
editor.revalidate();
