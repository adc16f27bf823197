/**
 * Syntax tokens for the `Code` element from highlight.js (common languages, no DOM): the
 * highlighted HTML is read back into runs per line, each with the colour role Fluvie's code themes
 * know (plain, keyword, string, comment, number, type, function).
 */
import hljs from 'highlight.js/lib/common';
import dart from 'highlight.js/lib/languages/dart';

// Fluvie documents often show Flutter code, and Dart is not among highlight.js's common languages.
hljs.registerLanguage('dart', dart);

export type TokenRole = 'plain' | 'keyword' | 'string' | 'comment' | 'number' | 'type' | 'function';

export interface CodeRun {
  text: string;
  role: TokenRole;
}

const ROLE_BY_CLASS: Readonly<Record<string, TokenRole>> = {
  keyword: 'keyword',
  built_in: 'keyword',
  literal: 'keyword',
  meta: 'keyword',
  'selector-tag': 'keyword',
  string: 'string',
  regexp: 'string',
  'template-string': 'string',
  symbol: 'string',
  comment: 'comment',
  quote: 'comment',
  doctag: 'comment',
  number: 'number',
  type: 'type',
  'title.class': 'type',
  'title.class.inherited': 'type',
  class: 'type',
  'title.function': 'function',
  'title.function.invoke': 'function',
  function: 'function',
  title: 'function',
};

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'" };

/** Splits `source` into lines of coloured runs; unknown languages and `plaintext` come out plain. */
export function tokenizeCode(source: string, language: string): CodeRun[][] {
  const html = language !== 'plaintext' && hljs.getLanguage(language) !== undefined ? hljs.highlight(source, { language, ignoreIllegals: true }).value : escape(source);
  const lines: CodeRun[][] = [[]];
  const roles: TokenRole[] = [];
  for (const match of html.matchAll(/<span class="([^"]*)">|<\/span>|([^<]+)/g)) {
    if (match[1] !== undefined) {
      roles.push(roleOf(match[1], roles[roles.length - 1] ?? 'plain'));
    } else if (match[0] === '</span>') {
      roles.pop();
    } else {
      const text = match[2]!.replace(/&(?:amp|lt|gt|quot|#x27|#39);/g, (entity) => ENTITIES[entity] ?? entity);
      const role = roles[roles.length - 1] ?? 'plain';
      text.split('\n').forEach((piece, index) => {
        if (index > 0) lines.push([]);
        if (piece !== '') lines[lines.length - 1]!.push({ text: piece, role });
      });
    }
  }
  return lines;
}

function roleOf(classes: string, inherited: TokenRole): TokenRole {
  // highlight.js marks scopes as `hljs-title function_`; the trailing underscores name sub-scopes.
  const names = classes.split(/\s+/).map((name) => name.replace(/^hljs-/, '').replace(/_$/, ''));
  const scope = names.join('.');
  return ROLE_BY_CLASS[scope] ?? ROLE_BY_CLASS[names[0] ?? ''] ?? inherited;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
