/**
 * An `Image` with `crop` or a `frame` style. `crop {x,y,w,h}` (fractions) makes that region fill
 * the box: the whole image is drawn stretched to box/crop and shifted by −crop.origin, then
 * clipped. `cornerRadius` clips first. Frames: `rounded` clips to radius 24, `card` to radius 16
 * with a shadow of elevation 24, `polaroid` puts the picture in a white mat with an optional
 * caption under it.
 */
import type { Image, SKRSContext2D } from '@napi-rs/canvas';
import type { ImageElement } from '../../../spec/index.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import { drawImage } from './draw-image.js';
import type { BoxConstraints, Size } from './layout.js';
import { constrainPreservingAspect } from './measure.js';
import type { NodeContext, Rect } from './nodes.js';
import { builtStyle, fillText, measureText } from './paint-text.js';
import type { ResolvedTextStyle, TextLayout } from './text-layout.js';

// NOTE: the polaroid mat sizes and caption style are the native engine's own; Fluvie's were not available.
const POLAROID_MAT = 12;
const POLAROID_BOTTOM = 48;
const POLAROID_CAPTION_SIZE = 16;

export function createFramedImageDrawer(env: DrawnEnv): DrawnParts | null {
  const element = env.planned.element as ImageElement;
  const image = env.context.images.get(env.planned.path);
  if (image === undefined) return null;
  const caption = builtStyle(env.context, `${env.planned.path}.frame.caption`, { fontSize: POLAROID_CAPTION_SIZE }, '#FF212121');
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
    const size = constrainPreservingAspect(constraints, naturalWidth, naturalHeight);
    const text = this.element.frame?.caption;
    this.caption = this.element.frame?.style === 'polaroid' && text !== undefined ? measureText(this.context, text, this.captionStyle, Math.max(size.width - 2 * POLAROID_MAT, 0), 'center', 1) : null;
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

    if (style === 'card') {
      radius = frame?.radius ?? 16;
      const elevation = frame?.elevation ?? 24;
      ctx.save();
      ctx.shadowColor = 'rgba(0,0,0,0.35)';
      ctx.shadowBlur = elevation;
      ctx.shadowOffsetY = elevation / 3;
      ctx.fillStyle = 'rgba(0,0,0,1)';
      ctx.beginPath();
      ctx.roundRect(0, 0, size.width, size.height, radius);
      ctx.fill();
      ctx.restore();
    } else if (style === 'rounded') {
      radius = frame?.radius ?? 24;
    } else if (style === 'polaroid') {
      ctx.fillStyle = '#FFFFFF';
      ctx.fillRect(0, 0, size.width, size.height);
      picture = { x: POLAROID_MAT, y: POLAROID_MAT, width: Math.max(size.width - 2 * POLAROID_MAT, 0), height: Math.max(size.height - POLAROID_MAT - POLAROID_BOTTOM, 0) };
      if (this.caption !== null) {
        fillText(ctx, this.caption, this.captionStyle, POLAROID_MAT + (picture.width - this.caption.width) / 2, picture.y + picture.height + (POLAROID_BOTTOM - this.caption.height) / 2);
      }
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
