/** The VideoSpec model: schemas, inferred types, value grammars, the scene timeline and validation. */
export * from './alignment.js';
export * from './color.js';
export * from './diagnostics.js';
export * from './element-walk.js';
export * from './json-schema.js';
export * from './load.js';
export * from './media-files.js';
export * from './rules-timing.js';
export * from './resolve-theme.js';
export * from './rules-values.js';
export * from './size.js';
export * from './time.js';
export * from './timeline.js';
export * from './validate.js';
export * from './schema/index.js';
