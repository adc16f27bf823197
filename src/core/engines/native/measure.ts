/** Sizes of each content kind under box constraints, following the Flutter widget each one builds. */
import type { BoxConstraints, Size } from './layout.js';
import { constrainSize } from './layout.js';
import type { NodeContent } from './nodes.js';
import { layoutText } from './text-layout.js';

/** Measures `content` and stores any layout it needs for painting (text lines, a Box's inner rect). */
export function measureContent(content: NodeContent, constraints: BoxConstraints): Size {
  switch (content.kind) {
    case 'text': {
      const layout = layoutText(
        content.measureContext,
        content.text,
        content.style,
        { minWidth: constraints.minWidth, maxWidth: constraints.maxWidth },
        content.align,
        content.maxLines,
      );
      content.layout = layout;
      return constrainSize(constraints, layout.width, layout.height);
    }
    case 'box': {
      if (content.size === null) {
        content.inner = { x: 0, y: 0, width: constraints.maxWidth, height: constraints.maxHeight };
        return { width: constraints.maxWidth, height: constraints.maxHeight };
      }
      // FractionallySizedBox: the child is a fraction of the maximum, centred in a box the constraints allow.
      const innerWidth = constraints.maxWidth * content.size.width;
      const innerHeight = constraints.maxHeight * content.size.height;
      const size = constrainSize(constraints, innerWidth, innerHeight);
      content.inner = { x: (size.width - innerWidth) / 2, y: (size.height - innerHeight) / 2, width: innerWidth, height: innerHeight };
      return size;
    }
    case 'image':
      return constrainPreservingAspect(constraints, content.image.width, content.image.height);
    case 'drawn':
      return content.drawer.measure(constraints);
    case 'shape':
    case 'group':
      return { width: constraints.maxWidth, height: constraints.maxHeight };
    case 'empty':
      return { width: constraints.minWidth, height: constraints.minHeight };
  }
}

/** Flutter `BoxConstraints.constrainSizeAndAttemptToPreserveAspectRatio`, used by `RawImage`. */
export function constrainPreservingAspect(constraints: BoxConstraints, naturalWidth: number, naturalHeight: number): Size {
  if (constraints.minWidth === constraints.maxWidth && constraints.minHeight === constraints.maxHeight) {
    return { width: constraints.minWidth, height: constraints.minHeight };
  }
  if (naturalWidth <= 0 || naturalHeight <= 0) return constrainSize(constraints, 0, 0);
  const aspect = naturalWidth / naturalHeight;
  let width = naturalWidth;
  let height = naturalHeight;
  if (width > constraints.maxWidth) {
    width = constraints.maxWidth;
    height = width / aspect;
  }
  if (height > constraints.maxHeight) {
    height = constraints.maxHeight;
    width = height * aspect;
  }
  if (width < constraints.minWidth) {
    width = constraints.minWidth;
    height = width / aspect;
  }
  if (height < constraints.minHeight) {
    height = constraints.minHeight;
    width = height * aspect;
  }
  return constrainSize(constraints, width, height);
}
