/** The VideoSpec model: schemas, inferred types, value grammars and the scene timeline. */
export * from './alignment.js';
export * from './color.js';
export * from './size.js';
export * from './time.js';
export * from './timeline.js';
export * from './schema/index.js';
