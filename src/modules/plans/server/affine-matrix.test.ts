import { describe, expect, it } from 'vitest';
import { AffineMatrix } from './affine-matrix';

describe('AffineMatrix (the DOMMatrix pdfjs needs when Node has no canvas)', () => {
  it('multiplies, translates, scales and inverts as DOMMatrix does', () => {
    const m = new AffineMatrix([2, 0, 0, 3, 10, 20]);
    expect(m.transformPoint({ x: 1, y: 1 })).toMatchObject({ x: 12, y: 23 });
    // scaleSelf then translateSelf apply right-to-left to points, as in pdf.worker's image-mask outline.
    const n = new AffineMatrix().scaleSelf(1 / 4, -1 / 2).translateSelf(0, -2);
    expect(n.toArray()).toEqual([0.25, 0, 0, -0.5, 0, 1]);
    expect(m.multiply(m.inverse()).isIdentity).toBe(true);
    expect(new AffineMatrix([1, 2, 3, 4, 5, 6]).preMultiplySelf({ a: 1, b: 0, c: 0, d: 1, e: 7, f: 8 }).toArray()).toEqual([1, 2, 3, 4, 12, 14]);
    expect(new AffineMatrix([0, 0, 0, 0, 1, 1]).invertSelf().a).toBeNaN();
    expect(m.translate(1, 1).toArray()).toEqual([2, 0, 0, 3, 12, 23]);
    expect(m.scale(2).toArray()).toEqual([4, 0, 0, 6, 10, 20]);
  });
});
