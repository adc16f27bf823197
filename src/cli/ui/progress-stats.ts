/**
 * Frame rate and remaining-time estimates for progress views, computed from event timestamps.
 */

export interface ProgressSnapshot {
  completed: number;
  total: number;
  /** Frames per second since the first progress event. */
  fps: number;
  /** Estimated seconds left, or null before the rate is known. */
  etaSeconds: number | null;
  /** 0..1 */
  ratio: number;
}

export function computeProgress(completed: number, total: number, startedAtMs: number, nowMs: number): ProgressSnapshot {
  const elapsedSeconds = Math.max(0, (nowMs - startedAtMs) / 1000);
  const fps = elapsedSeconds > 0 ? completed / elapsedSeconds : 0;
  const remaining = Math.max(0, total - completed);
  const etaSeconds = fps > 0 ? remaining / fps : null;
  const ratio = total > 0 ? Math.min(1, completed / total) : 0;
  return { completed, total, fps, etaSeconds, ratio };
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)}s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return `${minutes}m${String(rest).padStart(2, '0')}s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** One plain progress line, e.g. `frame 120/180 (67%), 45.0 fps, ETA 1.3s`. */
export function formatProgressLine(snapshot: ProgressSnapshot): string {
  const percent = Math.floor(snapshot.ratio * 100);
  const eta = snapshot.etaSeconds === null ? 'ETA unknown' : `ETA ${formatDuration(snapshot.etaSeconds)}`;
  return `frame ${snapshot.completed}/${snapshot.total} (${percent}%), ${snapshot.fps.toFixed(1)} fps, ${eta}`;
}
