/**
 * The spec editor: loading examples and files, and a validation report that follows the text. Each
 * edit is checked locally for JSON syntax at once and by `POST /v1/validate` after a pause in typing.
 */
import { ApiError, loadExample, validateSpec, type Diagnostic } from './api-client.js';
import { byId } from './dom.js';
import { parseSpecText, type SpecText } from './spec-text.js';
import { readToken } from './token-store.js';

/** Pause in typing before the server check, in milliseconds. */
const VALIDATE_DELAY_MS = 400;

export interface SpecEditor {
  /** Parses the editor's text. */
  read(): SpecText;
  /** Replaces the editor's text and checks it. */
  load(text: string): void;
  /** Checks the text again (after the token or the format changed). */
  revalidate(): void;
  /** Shows the diagnostics of a rejected render request. */
  showDiagnostics(diagnostics: Diagnostic[]): void;
}

export function createSpecEditor(formatOf: () => string): SpecEditor {
  const editor = byId('spec-editor', HTMLTextAreaElement);
  const report = byId('spec-report', HTMLDivElement);
  const state = byId('spec-state', HTMLParagraphElement);
  const problems = byId('spec-problems', HTMLUListElement);
  const exampleSelect = byId('example-select', HTMLSelectElement);
  const fileInput = byId('spec-file', HTMLInputElement);

  let timer: number | undefined;
  let inFlight: AbortController | null = null;

  const showState = (kind: 'idle' | 'ok' | 'error', text: string, diagnostics: Diagnostic[] = []): void => {
    report.dataset['state'] = kind;
    state.textContent = text;
    problems.replaceChildren(...diagnostics.map(problemItem));
  };

  const checkOnServer = async (spec: unknown): Promise<void> => {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    try {
      const result = await validateSpec(spec, formatOf(), controller.signal);
      if (controller.signal.aborted) return;
      const count = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
      if (count === 0) showState('ok', result.diagnostics.length === 0 ? 'No problems found.' : 'No errors; see the notes below.', result.diagnostics);
      else showState('error', `${count} problem${count === 1 ? '' : 's'} found:`, result.diagnostics);
    } catch (error: unknown) {
      if (controller.signal.aborted) return;
      showState('error', error instanceof ApiError ? `The server could not check the spec: ${error.message}` : `The server could not be reached: ${String(error)}`);
    }
  };

  const check = (): void => {
    window.clearTimeout(timer);
    inFlight?.abort();
    // An empty editor is the starting state, not a mistake, so it gets no error before the user types.
    if (editor.value.trim() === '') return showState('idle', 'Paste a spec, load an example or upload a file.');
    const parsed = parseSpecText(editor.value);
    if (!parsed.ok) return showState('error', parsed.message);
    if (readToken() === null) return showState('idle', 'The JSON is well formed. Enter the API token to check the spec on the server.');

    showState('idle', 'Checking…');
    timer = window.setTimeout(() => void checkOnServer(parsed.spec), VALIDATE_DELAY_MS);
  };

  const load = (text: string): void => {
    editor.value = text;
    check();
  };

  editor.addEventListener('input', check);
  exampleSelect.addEventListener('change', async () => {
    if (exampleSelect.value === '') return;
    try {
      load(await loadExample(exampleSelect.value));
    } catch (error: unknown) {
      showState('error', `Could not load the example ${exampleSelect.value}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (file !== undefined) load(await file.text());
  });

  return {
    read: () => parseSpecText(editor.value),
    load,
    revalidate: check,
    showDiagnostics: (diagnostics) => showState('error', 'The server rejected the spec:', diagnostics),
  };
}

function problemItem(diagnostic: Diagnostic): HTMLLIElement {
  const item = document.createElement('li');
  const path = document.createElement('code');
  path.textContent = diagnostic.path === '' ? '(root)' : diagnostic.path;
  item.append(path, ` ${diagnostic.severity}: ${diagnostic.message}`);
  item.dataset['severity'] = diagnostic.severity;
  return item;
}
