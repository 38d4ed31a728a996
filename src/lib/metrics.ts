/**
 * A widget's live readouts, declared in its page-safe settings.ts (no DOM here): the `data-metric`
 * name the model reports, the label the screen and the prose use, and how the number is shown.
 */
export interface MetricSpec {
  name: string;
  label: string;
  /** Significant digits shown (the full value is in data-value). */
  digits?: number;
  /**
   * Fixed decimals instead (a signed value whose scale is set by its neighbours, such as a loss
   * near 0: −0.0003 beside 0.6960, not −2.578e-4); takes precedence over digits.
   */
  decimals?: number;
  format?: (v: number) => string;
  title?: string;
}
