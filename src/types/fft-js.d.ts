/** Types of the parts of `fft.js` 4.x (a CommonJS radix-4 FFT without bundled types) that this project uses. */
declare module 'fft.js' {
  export default class FFT {
    /** `size` must be a power of two greater than 1. */
    constructor(size: number);
    readonly size: number;
    /** Returns an array of `2 * size` numbers: interleaved real and imaginary parts. */
    createComplexArray(): number[];
    /** Writes the spectrum of the real `input` into the first half of `output` (interleaved re, im). */
    realTransform(output: number[], input: ArrayLike<number>): void;
    completeSpectrum(spectrum: number[]): void;
  }
}
