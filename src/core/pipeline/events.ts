/**
 * Typed progress events that the render core emits. The CLI renders them (ink view, plain lines or
 * NDJSON), the server stores them on the job, and MCP forwards them as progress notifications.
 * Core code never prints; it only calls the `emit` callback it was given.
 */

export type RenderStage = 'prepare' | 'capture' | 'encode' | 'poster' | 'finalize' | 'author';

export type RenderEvent =
  | { type: 'start'; engine: string; width: number; height: number; fps: number; totalFrames: number; format: string; output: string }
  | { type: 'stage'; stage: RenderStage }
  /** `completed` frames of `total` are captured and handed to the encoder. */
  | { type: 'progress'; stage: RenderStage; completed: number; total: number }
  | { type: 'warning'; code: string; message: string; path?: string }
  | { type: 'log'; level: 'debug' | 'info'; message: string }
  | { type: 'done'; output: string; bytes: number; frames: number; durationSeconds: number; poster?: string }
  | { type: 'error'; code: string; message: string };

export type EmitEvent = (event: RenderEvent) => void;

export const ignoreEvents: EmitEvent = () => {};
