/**
 * Colours of the `Code` element's themes. The dark theme is Fluvie's token default; the light
 * theme follows the same roles with VS Code's light palette.
 */
import type { TokenRole } from './code-tokens.js';

export interface CodeTheme {
  background: string;
  gutter: string;
  lineNumber: string;
  highlight: string;
  roles: Readonly<Record<TokenRole, string>>;
}

export const DARK_CODE_THEME: CodeTheme = {
  background: '#1E1E1E',
  gutter: '#252526',
  lineNumber: '#858585',
  highlight: 'rgba(255,255,255,0.2)',
  roles: { plain: '#D4D4D4', keyword: '#C586C0', string: '#CE9178', comment: '#6A9955', number: '#B5CEA8', type: '#4EC9B0', function: '#DCDCAA' },
};

// NOTE: Fluvie's light theme (code_theme.dart) was not available; these are VS Code's light colours.
export const LIGHT_CODE_THEME: CodeTheme = {
  background: '#FFFFFF',
  gutter: '#F3F3F3',
  lineNumber: '#237893',
  highlight: 'rgba(0,0,0,0.1)',
  roles: { plain: '#000000', keyword: '#AF00DB', string: '#A31515', comment: '#008000', number: '#098658', type: '#267F99', function: '#795E26' },
};

/** Opacity of lines outside `focusLines`. */
export const DIMMED_LINE_OPACITY = 0.3;
