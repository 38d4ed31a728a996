/**
 * A widget's live readouts, declared in its page-safe settings.ts (no DOM here): the `data-metric`
 * name the model reports, the label the screen and the prose use, and how the number is shown.
 */
export interface MetricSpec {
  name: string;
  label: string;
  /** Significant digits shown (the full value is in data-value). */
  digits?: number;
  format?: (v: number) => string;
  title?: string;
}
