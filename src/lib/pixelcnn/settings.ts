/** Settings the PixelCNN widgets share (page-safe: no tfjs). */
import { choice, type EnumSpec } from '../params';

/** A square kernel size chosen from `sizes` ('3' is shown as 3x3). */
export function kernelSpec(name: string, label: string, value: string, sizes: string[]): EnumSpec {
  return choice(name, label, value, sizes.map((v) => ({ value: v, label: `${v}x${v}` })));
}
