/** Zod schemas of VideoSpec version 1 and the TypeScript types inferred from them. */
export * from './animation.js';
export * from './audio.js';
export * from './background.js';
export * from './effects.js';
export * from './element-base.js';
export * from './element.js';
export * from './elements-graphics.js';
export * from './elements-media.js';
export * from './elements-text.js';
export * from './primitives.js';
export * from './registry.js';
export * from './scene.js';
export * from './style.js';
export * from './transition.js';
export * from './trigger.js';
export * from './video.js';
export type * from './types.js';
