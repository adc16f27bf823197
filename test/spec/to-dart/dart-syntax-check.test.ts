import { describe, expect, it } from 'vitest';
import { dartSyntaxProblems } from './dart-syntax-check.js';

describe('dartSyntaxProblems', () => {
  it('accepts balanced code', () => {
    expect(dartSyntaxProblems("f(a, [b, c], {'k': 1}, 'x)\\'y', /* ( */ g(),) // ]\n")).toEqual([]);
  });

  it('finds unbalanced brackets', () => {
    expect(dartSyntaxProblems('f([a)')).toEqual(['")" at 4 closes "["', '"(" at 1 is not closed']);
  });

  it('finds stray commas', () => {
    expect(dartSyntaxProblems('f(, a,, b)')).toEqual(['comma at 2 follows "("', 'comma at 6 follows ","']);
  });

  it('finds open strings and interpolation', () => {
    expect(dartSyntaxProblems("f('a$b')")).toEqual(['unescaped "$" at 4 starts an interpolation']);
    expect(dartSyntaxProblems("f('a\n')")).toEqual(['string opened at 2 is not closed']);
  });
});
