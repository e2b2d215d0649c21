/**
 * A 2-D affine matrix with the part of the DOMMatrix interface pdfjs-dist 5
 * touches outside rendering. Its display layer builds a `new DOMMatrix()`
 * when it loads (pdf.mjs, SCALE_MATRIX), which throws in Node unless the
 * optional native package @napi-rs/canvas supplies one. Reading text needs
 * no canvas, so `ensureDomMatrix` installs this class when Node has none:
 * PDF reading then works with or without the native package.
 *
 * [a c e]
 * [b d f]   (the DOMMatrix / PDF convention: x' = a·x + c·y + e)
 * [0 0 1]
 */
export class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: ArrayLike<number>) {
    if (init && init.length >= 6) {
      [this.a, this.b, this.c, this.d, this.e, this.f] = [init[0]!, init[1]!, init[2]!, init[3]!, init[4]!, init[5]!];
    }
  }

  get is2D(): boolean {
    return true;
  }

  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }

  /** this = this × other */
  multiplySelf(other: AffineMatrixLike): this {
    return this.set(multiply(this, other));
  }

  /** this = other × this */
  preMultiplySelf(other: AffineMatrixLike): this {
    return this.set(multiply(other, this));
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf({ a: 1, b: 0, c: 0, d: 1, e: tx, f: ty });
  }

  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf({ a: sx, b: 0, c: 0, d: sy, e: 0, f: 0 });
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (det === 0) return this.set({ a: NaN, b: NaN, c: NaN, d: NaN, e: NaN, f: NaN });
    const { a, b, c, d, e, f } = this;
    return this.set({ a: d / det, b: -b / det, c: -c / det, d: a / det, e: (c * f - d * e) / det, f: (b * e - a * f) / det });
  }

  multiply(other: AffineMatrixLike): AffineMatrix {
    return new AffineMatrix(this.toArray()).multiplySelf(other);
  }

  translate(tx = 0, ty = 0): AffineMatrix {
    return new AffineMatrix(this.toArray()).translateSelf(tx, ty);
  }

  scale(sx = 1, sy = sx): AffineMatrix {
    return new AffineMatrix(this.toArray()).scaleSelf(sx, sy);
  }

  inverse(): AffineMatrix {
    return new AffineMatrix(this.toArray()).invertSelf();
  }

  transformPoint(point: { x?: number; y?: number } = {}): { x: number; y: number; z: number; w: number } {
    const { x = 0, y = 0 } = point;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
  }

  toArray(): number[] {
    return [this.a, this.b, this.c, this.d, this.e, this.f];
  }

  private set(m: AffineMatrixLike): this {
    ({ a: this.a, b: this.b, c: this.c, d: this.d, e: this.e, f: this.f } = m);
    return this;
  }
}

export type AffineMatrixLike = { a: number; b: number; c: number; d: number; e: number; f: number };

function multiply(m: AffineMatrixLike, n: AffineMatrixLike): AffineMatrixLike {
  return {
    a: m.a * n.a + m.c * n.b,
    b: m.b * n.a + m.d * n.b,
    c: m.a * n.c + m.c * n.d,
    d: m.b * n.c + m.d * n.d,
    e: m.a * n.e + m.c * n.f + m.e,
    f: m.b * n.e + m.d * n.f + m.f,
  };
}

/** Installs AffineMatrix as globalThis.DOMMatrix when the runtime has none (Node without a canvas package). */
export function ensureDomMatrix(): void {
  const global = globalThis as { DOMMatrix?: unknown };
  if (global.DOMMatrix === undefined) global.DOMMatrix = AffineMatrix;
}
