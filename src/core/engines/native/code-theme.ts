/**
 * Colours of the `Code` element's `dark` and `light` themes, Fluvie's `CodeTheme.dark()` and
 * `CodeTheme.light()`. The dark theme is also Fluvie's default token theme, which the terminal
 * and device-frame chrome read.
 */
import type { TokenRole } from './code-tokens.js';

export interface CodeTheme {
  background: string;
  gutter: string;
  lineNumber: string;
  /** Tint behind a line listed in `highlightLines`. */
  highlight: string;
  /** Terminal window bar, phone notch and browser address bar. */
  chrome: string;
  /** Opacity of the lines outside `focusLines`. */
  dimOpacity: number;
  /** Gutter stripe of an inserted line in an `after` diff. */
  addedGutter: string;
  /** Gutter stripe of a removed line in an `after` diff. */
  removedGutter: string;
  roles: Readonly<Record<TokenRole, string>>;
}

export const DARK_CODE_THEME: CodeTheme = {
  background: '#1E1E1E',
  gutter: '#252526',
  lineNumber: '#858585',
  highlight: 'rgba(255,255,255,0.2)',
  chrome: '#323233',
  dimOpacity: 0.3,
  addedGutter: '#487E02',
  removedGutter: '#8A1F11',
  roles: { plain: '#D4D4D4', keyword: '#C586C0', string: '#CE9178', comment: '#6A9955', number: '#B5CEA8', type: '#4EC9B0', function: '#DCDCAA' },
};

export const LIGHT_CODE_THEME: CodeTheme = {
  background: '#FFFFFF',
  gutter: '#F3F3F3',
  lineNumber: '#237893',
  // 0x14 / 255: Fluvie's light highlight is black at alpha 0x14.
  highlight: 'rgba(0,0,0,0.0784)',
  chrome: '#DDDDDD',
  dimOpacity: 0.35,
  addedGutter: '#22863A',
  removedGutter: '#CB2431',
  roles: { plain: '#000000', keyword: '#AF00DB', string: '#A31515', comment: '#008000', number: '#098658', type: '#267F99', function: '#795E26' },
};
