/** Image drawing with Flutter's `BoxFit` rules, centred, and an optional rounded-corner clip. */
import type { Image, SKRSContext2D } from '@napi-rs/canvas';
import type { Rect } from './nodes.js';

export type ImageFit = 'fill' | 'contain' | 'cover' | 'fitWidth' | 'fitHeight' | 'none' | 'scaleDown';

/** Source and destination rectangles of Flutter's `applyBoxFit`, both centred (alignment center). */
export function fitRects(fit: ImageFit, imageWidth: number, imageHeight: number, box: Rect): { source: Rect; destination: Rect } {
  let source = { width: imageWidth, height: imageHeight };
  let destination = { width: box.width, height: box.height };
  const imageAspect = imageWidth / imageHeight;
  const boxAspect = box.width / box.height;

  switch (fit) {
    case 'fill':
      break;
    case 'contain':
      destination = boxAspect > imageAspect ? { width: box.height * imageAspect, height: box.height } : { width: box.width, height: box.width / imageAspect };
      break;
    case 'cover':
      source = boxAspect > imageAspect ? { width: imageWidth, height: imageWidth / boxAspect } : { width: imageHeight * boxAspect, height: imageHeight };
      break;
    case 'fitWidth':
      if (boxAspect > imageAspect) {
        source = { width: imageWidth, height: imageWidth / boxAspect };
      } else {
        destination = { width: box.width, height: box.width / imageAspect };
      }
      break;
    case 'fitHeight':
      if (boxAspect > imageAspect) {
        destination = { width: box.height * imageAspect, height: box.height };
      } else {
        source = { width: imageHeight * boxAspect, height: imageHeight };
      }
      break;
    case 'none':
      source = { width: Math.min(imageWidth, box.width), height: Math.min(imageHeight, box.height) };
      destination = source;
      break;
    case 'scaleDown': {
      source = { width: imageWidth, height: imageHeight };
      destination = { width: imageWidth, height: imageHeight };
      const scale = Math.min(1, box.width / imageWidth, box.height / imageHeight);
      destination = { width: imageWidth * scale, height: imageHeight * scale };
      break;
    }
  }
  return {
    source: { x: (imageWidth - source.width) / 2, y: (imageHeight - source.height) / 2, ...source },
    destination: { x: box.x + (box.width - destination.width) / 2, y: box.y + (box.height - destination.height) / 2, ...destination },
  };
}

/** Draws `image` into `box` with `fit`, clipped to the box (rounded when `cornerRadius` > 0). */
export function drawImage(ctx: SKRSContext2D, image: Image, fit: ImageFit, box: Rect, cornerRadius: number): void {
  if (image.width === 0 || image.height === 0 || box.width <= 0 || box.height <= 0) return;
  const { source, destination } = fitRects(fit, image.width, image.height, box);
  ctx.save();
  ctx.beginPath();
  if (cornerRadius > 0) ctx.roundRect(box.x, box.y, box.width, box.height, cornerRadius);
  else ctx.rect(box.x, box.y, box.width, box.height);
  ctx.clip();
  ctx.drawImage(image, source.x, source.y, source.width, source.height, destination.x, destination.y, destination.width, destination.height);
  ctx.restore();
}
