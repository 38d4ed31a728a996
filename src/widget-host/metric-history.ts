/** The metric history of a widget's run, as the page received it from the worker, and its CSV export. */

export interface MetricRow {
  step: number;
  [name: string]: number | string;
}

/** Metric history of one run, as the page received it from the worker (one row per report). */
export class MetricHistory {
  rows: MetricRow[] = [];
  private columns = new Set<string>();
  /** Rows above this are thinned (every other row dropped) so memory stays bounded. */
  constructor(private readonly maxRows = 50_000) {}

  record(step: number, metrics: Record<string, number | string>) {
    const last = this.rows[this.rows.length - 1];
    if (last && step < last.step) this.clear(); // a reset started a new run
    const row: MetricRow = { step };
    for (const [k, v] of Object.entries(metrics)) {
      if (k === 'step') continue;
      if (typeof v === 'number' || typeof v === 'string') {
        row[k] = v;
        this.columns.add(k);
      }
    }
    if (last && last.step === step) this.rows[this.rows.length - 1] = row;
    else this.rows.push(row);
    if (this.rows.length > this.maxRows) this.rows = this.rows.filter((_r, i) => i % 2 === 0 || i === this.rows.length - 1);
  }

  clear() {
    this.rows = [];
    this.columns.clear();
  }

  toCsv(): string {
    const cols = ['step', ...[...this.columns].sort()];
    const cell = (v: unknown) => {
      if (v === undefined || v === null) return '';
      if (typeof v === 'number') return Number.isFinite(v) ? String(v) : String(v); // NaN, Infinity as text
      const s = String(v);
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    return [cols.join(','), ...this.rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
  }
}
