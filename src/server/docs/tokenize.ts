/** The tokenizer of the docs index: lowercase runs of ASCII letters and digits. */

const TOKEN = /[a-z0-9]+/g;

/** Splits `text` into lowercase `[a-z0-9]+` tokens, in order, duplicates kept. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}
