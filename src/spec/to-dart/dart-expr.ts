/**
 * A tiny Dart expression tree and its layout. Calls and lists stay on one line when they fit in
 * 100 columns, else each argument goes on its own line with a trailing comma, which is how
 * dart_style lays out argument lists.
 */

export type DartExpr =
  | { kind: 'raw'; text: string }
  /** `target.name(args)`, or `name(args)` without a target. */
  | { kind: 'call'; target: DartExpr | null; name: string; args: DartArg[] }
  | { kind: 'list'; items: DartExpr[] }
  /** A `// text` line inside a list. It takes no comma and forces the list onto several lines. */
  | { kind: 'comment'; text: string };

export interface DartArg {
  /** Parameter name, or null for a positional argument. */
  name: string | null;
  value: DartExpr;
}

export const PAGE_WIDTH = 100;

export function raw(text: string): DartExpr {
  return { kind: 'raw', text };
}

/** Builds a call; null arguments (defaults left out) are dropped. */
export function call(name: string, args: ReadonlyArray<DartArg | null>, target: DartExpr | null = null): DartExpr {
  return { kind: 'call', target, name, args: args.filter((arg): arg is DartArg => arg !== null) };
}

export function list(items: DartExpr[]): DartExpr {
  return { kind: 'list', items };
}

/**
 * Builds a line comment for a list. Line breaks and other control characters in `text` become
 * spaces, so the comment cannot end early and leave the rest of the text as code.
 */
export function comment(text: string): DartExpr {
  return { kind: 'comment', text: text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ') };
}

export function positional(value: DartExpr): DartArg {
  return { name: null, value };
}

/** Builds a named argument, or returns null when `value` is undefined, so callers can pass optional fields. */
export function named(name: string, value: DartExpr | undefined): DartArg | null {
  return value === undefined ? null : { name, value };
}

/** Prints `expr` on one line. A comment prints with line breaks around it, so it never fits a line. */
export function flat(expr: DartExpr): string {
  switch (expr.kind) {
    case 'raw':
      return expr.text;
    case 'comment':
      return `\n// ${expr.text}\n`;
    case 'list':
      return `[${expr.items.map(flat).join(', ')}]`;
    case 'call': {
      const prefix = expr.target === null ? '' : `${flat(expr.target)}.`;
      return `${prefix}${expr.name}(${expr.args.map(flatArg).join(', ')})`;
    }
  }
}

function flatArg(arg: DartArg): string {
  return arg.name === null ? flat(arg.value) : `${arg.name}: ${flat(arg.value)}`;
}

/**
 * Lays out `expr` whose first character sits at `column` on a line indented by `indent` spaces.
 * `suffix` is the text that must follow on the same line (such as `,` or `;`).
 */
export function layout(expr: DartExpr, indent: number, column: number, suffix = ''): string {
  if (expr.kind === 'comment') return `// ${expr.text}`;
  const oneLine = flat(expr);
  const fits = column + oneLine.length + suffix.length <= PAGE_WIDTH && !oneLine.includes('\n');
  if (fits || expr.kind === 'raw') return oneLine;

  const inner = ' '.repeat(indent + 2);
  const close = ' '.repeat(indent);
  if (expr.kind === 'list') {
    if (expr.items.length === 0) return '[]';
    const items = expr.items
      .map((item) => (item.kind === 'comment' ? `${inner}// ${item.text}\n` : `${inner}${layout(item, indent + 2, indent + 2, ',')},\n`))
      .join('');
    return `[\n${items}${close}]`;
  }

  let head = `${expr.name}(`;
  if (expr.target !== null) {
    const target = layout(expr.target, indent, column, `.${expr.name}(`);
    // A target that spans lines ends in a closing bracket at `indent`, and the call stays on that line when it fits.
    const flatCall = `.${expr.name}(${expr.args.map(flatArg).join(', ')})`;
    const lastLine = target.slice(target.lastIndexOf('\n') + 1);
    if (target.includes('\n') && !flatCall.includes('\n') && lastLine.length + flatCall.length + suffix.length <= PAGE_WIDTH) return `${target}${flatCall}`;
    head = `${target}.${expr.name}(`;
  }
  if (expr.args.length === 0) return `${head})`;
  const args = expr.args
    .map((arg) => {
      const label = arg.name === null ? '' : `${arg.name}: `;
      return `${inner}${label}${layout(arg.value, indent + 2, indent + 2 + label.length, ',')},\n`;
    })
    .join('');
  return `${head}\n${args}${close})`;
}
