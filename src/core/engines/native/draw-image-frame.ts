/**
 * An `Image` with `crop` or a `frame` style. `crop {x,y,w,h}` (fractions) makes that region fill
 * the box: the whole image is drawn stretched to box/crop and shifted by −crop.origin, then
 * clipped. `cornerRadius` clips first. Frames follow Fluvie's `PhotoFrame`. `rounded` clips to
 * radius 24. `card` insets the picture 12 px in a white surface with radius 16. `polaroid` insets
 * it 12 px (48 px at the bottom) in a square white surface, with an optional 14 px caption centred
 * in the bottom band. Card and polaroid cast one shadow, 25 % black, 8 px down, blurred by
 * `elevation` (default 24, and always 24 for polaroid).
 */
import type { Image, SKRSContext2D } from '@napi-rs/canvas';
import type { ImageElement } from '../../../spec/index.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import { drawImage } from './draw-image.js';
import { constrainSize, type BoxConstraints, type Size } from './layout.js';
import { constrainPreservingAspect } from './measure.js';
import type { NodeContext, Rect } from './nodes.js';
import { builtStyle, fillText, measureText } from './paint-text.js';
import type { ResolvedTextStyle, TextLayout } from './text-layout.js';

const SURFACE_PADDING = 12;
const POLAROID_BOTTOM = 48;
const CAPTION_SIZE = 14;
const SHADOW_COLOR = 'rgba(0,0,0,0.25)';
const SHADOW_OFFSET_Y = 8;
const DEFAULT_ELEVATION = 24;

interface Insets {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Returns the inset of the picture inside its frame's surface. */
function frameInsets(style: string): Insets {
  if (style === 'card') return { left: SURFACE_PADDING, top: SURFACE_PADDING, right: SURFACE_PADDING, bottom: SURFACE_PADDING };
  if (style === 'polaroid') return { left: SURFACE_PADDING, top: SURFACE_PADDING, right: SURFACE_PADDING, bottom: POLAROID_BOTTOM };
  return { left: 0, top: 0, right: 0, bottom: 0 };
}

/** Converts a Flutter `BoxShadow.blurRadius` to a canvas `shadowBlur`, which is twice the Gaussian sigma. */
function canvasShadowBlur(blurRadius: number): number {
  return blurRadius > 0 ? 2 * (blurRadius * 0.57735 + 0.5) : 0;
}

export function createFramedImageDrawer(env: DrawnEnv): DrawnParts | null {
  const element = env.planned.element as ImageElement;
  const image = env.context.images.get(env.planned.path);
  if (image === undefined) return null;
  const caption = builtStyle(env.context, `${env.planned.path}.frame.caption`, { fontSize: CAPTION_SIZE }, '#FF333333');
  return { drawer: new FramedImageDrawer(env.context, element, image, caption), children: [] };
}

class FramedImageDrawer {
  private caption: TextLayout | null = null;

  constructor(
    private readonly context: NodeContext,
    private readonly element: ImageElement,
    private readonly image: Image,
    private readonly captionStyle: ResolvedTextStyle,
  ) {}

  measure(constraints: BoxConstraints): Size {
    const crop = this.element.crop;
    const naturalWidth = this.image.width * (crop?.w ?? 1);
    const naturalHeight = this.image.height * (crop?.h ?? 1);
    // The surface wraps the padded picture, so the picture is sized inside the constraints less the insets.
    const insets = frameInsets(this.element.frame?.style ?? 'none');
    const horizontal = insets.left + insets.right;
    const vertical = insets.top + insets.bottom;
    const picture = constrainPreservingAspect(
      {
        minWidth: Math.max(constraints.minWidth - horizontal, 0),
        maxWidth: Math.max(constraints.maxWidth - horizontal, 0),
        minHeight: Math.max(constraints.minHeight - vertical, 0),
        maxHeight: Math.max(constraints.maxHeight - vertical, 0),
      },
      naturalWidth,
      naturalHeight,
    );
    const size = constrainSize(constraints, picture.width + horizontal, picture.height + vertical);
    const text = this.element.frame?.caption;
    this.caption = this.element.frame?.style === 'polaroid' && text !== undefined ? measureText(this.context, text, this.captionStyle, Math.max(size.width - horizontal, 0), 'center') : null;
    return size;
  }

  update(): number {
    return 0;
  }

  paint(ctx: SKRSContext2D, size: Size, alpha: number): void {
    const frame = this.element.frame;
    const style = frame?.style ?? 'none';
    let picture: Rect = { x: 0, y: 0, width: size.width, height: size.height };
    let radius = this.element.cornerRadius ?? 0;
    ctx.globalAlpha = alpha;

    if (style === 'card' || style === 'polaroid') {
      const insets = frameInsets(style);
      const surfaceRadius = style === 'card' ? (frame?.radius ?? 16) : 0;
      const elevation = style === 'card' ? (frame?.elevation ?? DEFAULT_ELEVATION) : DEFAULT_ELEVATION;
      ctx.save();
      ctx.shadowColor = SHADOW_COLOR;
      ctx.shadowBlur = canvasShadowBlur(elevation);
      ctx.shadowOffsetY = SHADOW_OFFSET_Y;
      ctx.fillStyle = '#FFFFFF';
      ctx.beginPath();
      ctx.roundRect(0, 0, size.width, size.height, surfaceRadius);
      ctx.fill();
      ctx.restore();
      // The surface does not clip, so the picture keeps square corners inside the padding.
      radius = this.element.cornerRadius ?? 0;
      picture = { x: insets.left, y: insets.top, width: Math.max(size.width - insets.left - insets.right, 0), height: Math.max(size.height - insets.top - insets.bottom, 0) };
      if (this.caption !== null) {
        const band = { x: insets.left, y: size.height - insets.bottom, width: picture.width, height: insets.bottom };
        fillText(ctx, this.caption, this.captionStyle, band.x + (band.width - this.caption.width) / 2, band.y + (band.height - this.caption.height) / 2);
      }
    } else if (style === 'rounded') {
      radius = frame?.radius ?? 24;
    }
    this.paintPicture(ctx, picture, radius);
  }

  private paintPicture(ctx: SKRSContext2D, box: Rect, radius: number): void {
    const crop = this.element.crop;
    if (crop === undefined) {
      drawImage(ctx, this.image, this.element.fit ?? 'scaleDown', box, radius);
      return;
    }
    if (crop.w <= 0 || crop.h <= 0 || box.width <= 0 || box.height <= 0) return;
    const width = box.width / crop.w;
    const height = box.height / crop.h;
    ctx.save();
    ctx.beginPath();
    if (radius > 0) ctx.roundRect(box.x, box.y, box.width, box.height, radius);
    else ctx.rect(box.x, box.y, box.width, box.height);
    ctx.clip();
    ctx.drawImage(this.image, box.x - crop.x * width, box.y - crop.y * height, width, height);
    ctx.restore();
  }
}
