// Small timing helpers shared by the benchmark sections.
import { spawn } from 'node:child_process';

/** Runs a command to completion and returns its wall time in seconds and its stdout. */
export function timeCommand(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr}`));
      else resolve({ seconds, stdout });
    });
  });
}

export function formatSeconds(seconds) {
  return `${seconds.toFixed(2)} s`;
}

export function formatRatio(value) {
  return `${value.toFixed(2)}x`;
}
