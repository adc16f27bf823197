/** Downloads a render's file from its link and probes it with ffprobe. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readFrameRgba, tempDir, videoStream } from '../../../helpers/media.js';

export interface FetchedVideo {
  contentType: string | null;
  file: string;
  stream: Awaited<ReturnType<typeof videoStream>>;
  /** RGBA of the first frame. */
  firstFrame: Uint8Array;
}

/** Fetches `url`, saves it and returns ffprobe facts; throws on a non-200 answer. */
export async function fetchAndProbe(url: string, width: number, height: number): Promise<FetchedVideo> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`GET ${url} returned ${response.status}: ${await response.text()}`);
  const file = path.join(await tempDir('fluvie-mcp-video-'), 'video.mp4');
  await writeFile(file, Buffer.from(await response.arrayBuffer()));
  return {
    contentType: response.headers.get('content-type'),
    file,
    stream: await videoStream(file),
    firstFrame: await readFrameRgba(file, 0, width, height),
  };
}

/** The URL after `Video: ` in a render tool's result text. */
export function videoUrlOf(text: string): string {
  const match = /^Video: (\S+)$/m.exec(text);
  if (match?.[1] === undefined) throw new Error(`no "Video: <url>" line in:\n${text}`);
  return match[1];
}
