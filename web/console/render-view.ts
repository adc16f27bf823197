/** The render section: status line, progress bar, cancel button, authored spec and the result. */
import type { JobJson } from './api-client.js';
import { byId } from './dom.js';
import { pageRelativeFileLink } from './file-link.js';

export interface RenderView {
  reset(): void;
  status(text: string, state?: string): void;
  progress(completed: number, total: number): void;
  authored(code: string | null, spec: unknown): void;
  finished(job: JobJson, format: string): void;
  /** Shows or hides the cancel button. */
  cancelable(visible: boolean): void;
}

export function createRenderView(): RenderView {
  const status = byId('job-status', HTMLParagraphElement);
  const bar = byId('job-progress', HTMLProgressElement);
  const barText = byId('job-progress-text', HTMLSpanElement);
  const cancel = byId('cancel-button', HTMLButtonElement);
  const authoredBox = byId('authored', HTMLDetailsElement);
  const authoredSpec = byId('authored-spec', HTMLPreElement);
  const result = byId('job-result', HTMLDivElement);
  const video = byId('result-video', HTMLVideoElement);
  const image = byId('result-image', HTMLImageElement);
  const videoLink = byId('video-link', HTMLAnchorElement);
  const posterItem = byId('poster-item', HTMLLIElement);
  const posterLink = byId('poster-link', HTMLAnchorElement);

  const setStatus = (text: string, state = ''): void => {
    status.textContent = text;
    status.dataset['state'] = state;
  };

  return {
    reset() {
      bar.max = 1;
      bar.value = 0;
      barText.textContent = '';
      authoredBox.hidden = true;
      authoredSpec.textContent = '';
      result.hidden = true;
      video.removeAttribute('src');
      video.load();
      image.removeAttribute('src');
    },
    status: setStatus,
    progress(completed, total) {
      bar.max = Math.max(total, 1);
      bar.value = Math.min(completed, bar.max);
      const percent = total > 0 ? Math.round((completed / total) * 100) : 0;
      barText.textContent = `${completed} / ${total} frames (${percent}%)`;
    },
    authored(code, spec) {
      authoredSpec.textContent = JSON.stringify(spec, null, 2) + (code === null ? '' : `\n\n// Dart\n${code}`);
      authoredBox.dataset['spec'] = JSON.stringify(spec, null, 2);
      authoredBox.hidden = false;
      authoredBox.open = true;
    },
    finished(job, format) {
      if (job.status !== 'succeeded' || job.video === undefined) {
        setStatus(job.status === 'canceled' ? 'Render canceled.' : `Render failed: ${job.error ?? 'no reason given'}`, job.status);
        return;
      }
      setStatus(`Render finished (${formatBytes(job.video.bytes)}).`, 'succeeded');
      const isGif = format === 'gif';
      video.hidden = isGif;
      image.hidden = !isGif;
      const videoUrl = pageRelativeFileLink(job.video.downloadUrl, document.baseURI);
      if (isGif) image.src = videoUrl;
      else video.src = videoUrl;
      videoLink.href = videoUrl;
      posterItem.hidden = job.poster === undefined;
      if (job.poster !== undefined) posterLink.href = pageRelativeFileLink(job.poster.downloadUrl, document.baseURI);
      result.hidden = false;
    },
    cancelable(visible) {
      cancel.hidden = !visible;
    },
  };
}

function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return 'size unknown';
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
