/**
 * The ink view shown on a terminal: stage, a bar, frame n/total, fps and ETA, then warnings.
 */
import { Box, Text } from 'ink';
import type { ProgressSnapshot } from './progress-stats.js';
import { formatDuration } from './progress-stats.js';

export interface ProgressViewState {
  title: string;
  stage: string;
  snapshot: ProgressSnapshot | null;
  warnings: readonly string[];
  /** Final line once the render ends, e.g. `Wrote out.mp4 (1.2 MiB, 180 frames, 6.0s)`. */
  summary: { ok: boolean; text: string } | null;
}

const BAR_WIDTH = 30;

export function ProgressView({ state }: { state: ProgressViewState }): React.JSX.Element {
  const { snapshot } = state;
  const filled = snapshot ? Math.round(snapshot.ratio * BAR_WIDTH) : 0;
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
  return (
    <Box flexDirection="column">
      <Text bold>{state.title}</Text>
      {state.summary === null ? (
        <Box>
          <Text color="cyan">{state.stage.padEnd(9)}</Text>
          <Text> {bar} </Text>
          {snapshot ? (
            <Text>
              {snapshot.completed}/{snapshot.total} frames · {snapshot.fps.toFixed(1)} fps · ETA{' '}
              {snapshot.etaSeconds === null ? '…' : formatDuration(snapshot.etaSeconds)}
            </Text>
          ) : (
            <Text dimColor>starting…</Text>
          )}
        </Box>
      ) : (
        <Text color={state.summary.ok ? 'green' : 'red'}>{state.summary.text}</Text>
      )}
      {state.warnings.map((warning, index) => (
        <Text key={index} color="yellow">
          warning: {warning}
        </Text>
      ))}
    </Box>
  );
}
