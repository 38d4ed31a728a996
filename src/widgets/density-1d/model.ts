/**
 * Chapter 1's widget model: 1-D density estimation on points the reader places (or a preset's
 * samples). Either a Gaussian mixture fitted by EM (one EM iteration per step) or a Gaussian
 * KDE whose bandwidth is fixed or learned by gradient ascent on the leave-one-out likelihood.
 */
import type { ParamSpec, Values } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import { Rng } from '../../lib/rng';
import { parseMixture, sampleMany, type Mixture } from '../../lib/density/mixture';
import { dataStats, emStep, gmmLogLik, gmmLogPdf, initGmm, sampleGmm, type Gmm } from '../../lib/density/gmm';
import { kdePdf, looLogLik, sampleKde } from '../../lib/density/kde';
import { normalPdf } from '../../lib/density/mixture';
import { linspace } from '../../lib/density/quadrature';
import type { Model } from '../../lib/model';
import { numberListError, parseNumberList } from '../../lib/number-list';
export * from './settings';
import { DENSITY_PRESETS, type Density1dView } from './settings';

/** Size of the held-out sample drawn from a preset's own density (fresh points, never fitted). */
export const HELDOUT_N = 20000;

/** Fresh points from the preset's density, from their own stream; null for the reader's points. */
export function heldoutFor(values: Values): Float64Array | null {
  if (values.preset === 'custom') return null;
  const preset = DENSITY_PRESETS[String(values.preset)];
  if (!preset) throw new Error(`unknown preset ${values.preset}`);
  return Float64Array.from(sampleMany(parseMixture(preset.mixture), new Rng(Number(values.seed) * 7919 + 29), HELDOUT_N));
}

/** Mean log of the KDE at the points x, with a log-sum-exp so that tiny bandwidths stay finite. */
function kdeMeanLogPdf(x: ArrayLike<number>, data: ArrayLike<number>, h: number): number {
  const c = -Math.log(data.length * h * Math.sqrt(2 * Math.PI));
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    let best = -Infinity;
    for (let j = 0; j < data.length; j++) {
      const e = -((x[i] - data[j]) ** 2) / (2 * h * h);
      if (e > best) best = e;
    }
    let s = 0;
    for (let j = 0; j < data.length; j++) s += Math.exp(-((x[i] - data[j]) ** 2) / (2 * h * h) - best);
    total += c + best + Math.log(s);
  }
  return total / x.length;
}

/** The data a setting describes: preset samples drawn with the seed, or the reader's points. */
export function datasetFor(values: Values): Float64Array {
  if (values.preset === 'custom') return Float64Array.from(parseNumberList(String(values.points)));
  const preset = DENSITY_PRESETS[String(values.preset)];
  if (!preset) throw new Error(`unknown preset ${values.preset}`);
  const m: Mixture = parseMixture(preset.mixture);
  // Data get their own stream so that changing k or the method does not change the data.
  return Float64Array.from(sampleMany(m, new Rng(Number(values.seed) * 7919 + 17), Number(values.n)));
}

function thinHistory(history: number[], stepCount: number): { history: Float32Array; historySteps: Float32Array } {
  const first = stepCount + 1 - history.length;
  const stride = Math.max(1, Math.ceil(history.length / 300));
  const idx: number[] = [];
  for (let i = 0; i < history.length; i += stride) idx.push(i);
  if (idx[idx.length - 1] !== history.length - 1) idx.push(history.length - 1);
  return {
    history: Float32Array.from(idx, (i) => history[i]),
    historySteps: Float32Array.from(idx, (i) => first + i),
  };
}

export function createModel(
  values: Values,
): Model & { logLik(): number; heldoutLogLik(): number; gmm(): Gmm | null; bandwidth(): number } {
  const data = datasetFor(values);
  const heldout = heldoutFor(values);
  const method = values.method === 'kde' ? 'kde' : 'em';
  const k = Number(values.k);
  const rng = new Rng(Number(values.seed));
  const sampleRng = rng.fork();
  const enough = data.length >= Math.max(2, method === 'em' ? k : 2);
  const message = enough
    ? null
    : `Place at least ${Math.max(2, method === 'em' ? k : 2)} points (click the chart or type them) to fit ${method === 'em' ? `k = ${k} components` : 'a kernel density'}.`;
  const { sd } = data.length ? dataStats(data) : { sd: 1 };
  const gmm = enough && method === 'em' ? initGmm(data, k, rng) : null;
  const minSigma = 1e-3 * sd;
  let h = Number(values.bandwidth);
  const learn = Boolean(values.learn_bw);
  const history: number[] = [];
  let stepCount = 0;
  let samples: Float32Array | null = null;

  let lo = -5;
  let hi = 5;
  if (data.length) {
    lo = Math.min(...data);
    hi = Math.max(...data);
    const pad = Math.max(1, 0.25 * (hi - lo));
    lo -= pad;
    hi += pad;
  }
  const xs = linspace(lo, hi, 241);

  function logLik(): number {
    if (!enough) return NaN;
    return gmm ? gmmLogLik(gmm, data) : looLogLik(data, h).value;
  }
  history.push(logLik());

  // Mean log-density of the fresh points; cached per step (the KDE version costs N x n kernels).
  let heldoutCache: { step: number; value: number } | null = null;
  function heldoutLogLik(): number {
    if (!enough || !heldout) return NaN;
    if (heldoutCache?.step === stepCount) return heldoutCache.value;
    const value = gmm ? gmmLogLik(gmm, heldout) : kdeMeanLogPdf(heldout, data, h);
    heldoutCache = { step: stepCount, value };
    return value;
  }

  return {
    step() {
      if (!enough) return;
      if (gmm) emStep(gmm, data, minSigma);
      else if (learn) {
        const { dLogH } = looLogLik(data, h);
        // Gradient ascent on log h, each move capped so that a flat start cannot jump far.
        const move = Math.max(-0.2, Math.min(0.2, 0.5 * dLogH));
        h = Math.min(20, Math.max(1e-3, h * Math.exp(move)));
      }
      stepCount++;
      history.push(logLik());
      if (history.length > 2000) history.splice(0, history.length - 2000);
    },
    metrics() {
      const m: Record<string, number> = { loglik: enough ? history[history.length - 1] : 0, n_points: data.length };
      if (!gmm) m.bandwidth = h;
      if (enough && heldout) m.heldout_loglik = heldoutLogLik();
      return m;
    },
    view(): Density1dView {
      const density = new Float32Array(xs.length);
      const components: Float32Array[] = [];
      if (enough && gmm) {
        const scratch = new Float64Array(k);
        for (let c = 0; c < k; c++) components.push(new Float32Array(xs.length));
        for (let i = 0; i < xs.length; i++) {
          density[i] = Math.exp(gmmLogPdf(gmm, xs[i], scratch));
          for (let c = 0; c < k; c++) components[c][i] = gmm.weights[c] * normalPdf(xs[i], gmm.means[c], gmm.sigmas[c]);
        }
      } else if (enough) {
        for (let i = 0; i < xs.length; i++) density[i] = kdePdf(xs[i], data, h);
      }
      return {
        xs: Float32Array.from(xs),
        density,
        components,
        points: Float32Array.from(data),
        samples,
        ...thinHistory(history, stepCount),
        method,
        message,
      };
    },
    command(name, payload) {
      if (name !== 'sample') throw new Error(`unknown command ${name}`);
      if (!enough) throw new Error(message ?? 'nothing to sample from');
      const n = Math.min(5000, Math.max(1, Number((payload as { n?: number })?.n ?? 500)));
      samples = gmm ? sampleGmm(gmm, sampleRng, n) : sampleKde(data, h, sampleRng, n);
      return { n };
    },
    dispose() {},
    logLik,
    heldoutLogLik,
    gmm: () => gmm,
    bandwidth: () => h,
  };
}
