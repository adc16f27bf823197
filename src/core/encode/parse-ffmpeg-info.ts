/** Pure parsers for the output of `ffmpeg -version` and `ffmpeg -hide_banner -encoders`. */

/**
 * Returns the version token of `ffmpeg -version` output (`5.1.9-0+deb12u1`, `N-47683-g0e8eb07980-static`),
 * or null when the first line is not an ffmpeg version line.
 */
export function parseVersion(text: string): string | null {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const match = /^ffmpeg version (\S+)/.exec(firstLine.trim());
  return match?.[1] ?? null;
}

/**
 * Returns the encoder names listed by `ffmpeg -encoders`. Each entry line below the `------` rule
 * is six capability flags, the name and a description, for example ` V....D libx264  libx264 H.264`.
 */
export function parseEncoders(text: string): Set<string> {
  const names = new Set<string>();
  const lines = text.split(/\r?\n/);
  const ruleIndex = lines.findIndex((line) => /^\s*-{6,}\s*$/.test(line));
  if (ruleIndex === -1) return names;

  for (const line of lines.slice(ruleIndex + 1)) {
    const match = /^\s*[VAS.][A-Z.]{5}\s+(\S+)/.exec(line);
    if (match?.[1] !== undefined) names.add(match[1]);
  }
  return names;
}
