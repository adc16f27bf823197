import { describe, expect, it } from 'vitest';
import { MAX_OBJECT_BYTES, MAX_PARTS, MAX_SINGLE_PUT_BYTES, MIN_PART_SIZE_BYTES, planUpload } from '../../../src/server/storage/s3-upload-plan.js';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
const DEFAULTS = { multipartThresholdBytes: 32 * MIB, partSizeBytes: 16 * MIB };

describe('planUpload', () => {
  it('puts files below the threshold in one request', () => {
    expect(planUpload(0, DEFAULTS)).toEqual({ kind: 'single' });
    expect(planUpload(32 * MIB - 1, DEFAULTS)).toEqual({ kind: 'single' });
  });

  it('splits files from the threshold on', () => {
    expect(planUpload(32 * MIB, DEFAULTS)).toEqual({ kind: 'multipart', partSizeBytes: 16 * MIB, partCount: 2 });
    expect(planUpload(33 * MIB, DEFAULTS)).toEqual({ kind: 'multipart', partSizeBytes: 16 * MIB, partCount: 3 });
  });

  it('keeps parts at least 5 MiB', () => {
    expect(planUpload(11 * MIB, { multipartThresholdBytes: 1, partSizeBytes: 1 })).toEqual({ kind: 'multipart', partSizeBytes: MIN_PART_SIZE_BYTES, partCount: 3 });
  });

  it('caps the threshold at the single-PUT limit', () => {
    const plan = planUpload(6 * GIB, { multipartThresholdBytes: 100 * GIB, partSizeBytes: 16 * MIB });
    expect(plan.kind).toBe('multipart');
    expect(planUpload(MAX_SINGLE_PUT_BYTES, { multipartThresholdBytes: 100 * GIB, partSizeBytes: 16 * MIB }).kind).toBe('multipart');
  });

  it('raises the part size to stay within 10,000 parts', () => {
    const size = 1024 * GIB;
    const plan = planUpload(size, DEFAULTS);
    expect(plan).toMatchObject({ kind: 'multipart' });
    if (plan.kind !== 'multipart') return;
    expect(plan.partCount).toBeLessThanOrEqual(MAX_PARTS);
    expect(plan.partSizeBytes * plan.partCount).toBeGreaterThanOrEqual(size);
  });

  it('rejects files over 5 TiB', () => {
    expect(() => planUpload(MAX_OBJECT_BYTES + 1, DEFAULTS)).toThrow(expect.objectContaining({ code: 'output_failed' }));
    expect(planUpload(MAX_OBJECT_BYTES, DEFAULTS)).toMatchObject({ kind: 'multipart', partCount: MAX_PARTS });
  });
});
