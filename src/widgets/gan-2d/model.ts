/**
 * The 2-D GAN playground (widget `gan-2d`): a generator G: z -> R^2 and a discriminator (or WGAN
 * critic) D: R^2 -> R, both small MLPs, trained by Algorithm 13.1 (GAN: K updates of D, then one
 * of G) or Algorithm 13.2 (WGAN: n_critic critic updates with weight clipping, or with a gradient
 * penalty, then one of G). One model step is one full outer iteration. Evaluation numbers use a
 * fixed set of 2,500 noise vectors (and a fixed set of 2,500 real points), computed when the page
 * asks for them, not every step.
 */
import type { Values } from '../../lib/params';
import { Rng } from '../../lib/rng';
import { readTidy, tf } from '../../lib/tf-backend';
import { MLP, disposeOptimizer, makeOptimizer, setLearningRate, type Activation, type OptimizerKind } from '../../lib/nn/mlp';
import { gradientPenalty, mlpInputGradient } from '../../lib/nn/input-gradient';
import type { Model } from '../../lib/model';
import { criticLoss, discriminatorLoss, generatorLoss, lsganDiscriminatorLoss, lsganGeneratorLoss } from '../../lib/gan/losses';
import type { NamedWeights } from '../../lib/checkpoint';
import {
  EXTENT,
  makeTarget,
  modeStats,
  sampleTarget,
  type Target,
  type TargetName,
} from './data';
import { meanKernel, medianDistance, mmdRbf } from '../../lib/mmd';
import { jsLowerBound } from '../../lib/gan/js-bound';

export * from './settings';
import {
  ARROWS_N,
  EVAL_N,
  HEAT_N,
  HISTORY_MAX,
  SHOW_N,
  isWgan,
  type CoreView,
  type EvalNumbers,
  type Gan2dView,
  type LossKind,
  type StageInfo,
} from './settings';

function sampleNoise(rng: Rng, n: number, dim: number, kind: string): Float32Array {
  const z = new Float32Array(n * dim);
  for (let i = 0; i < z.length; i++) z[i] = kind === 'uniform' ? 2 * rng.next() - 1 : rng.normal();
  return z;
}

/** One GAN (or WGAN): G, D, their optimisers, fixed evaluation noise, and a loss history. */
class Core {
  readonly loss: LossKind;
  readonly G: MLP;
  readonly D: MLP;
  gOpt: tf.Optimizer;
  dOpt: tf.Optimizer;
  private gOptKind: string;
  private dOptKind: string;
  private readonly rng: Rng;
  private readonly zDim: number;
  private readonly noiseKind: string;
  private m: number;
  private k: number;
  private clipC: number;
  private lambda: number;
  readonly evalZ: Float32Array;
  updates = 0;
  /** Counts G updates (cache key for the evaluation fakes). */
  gVersion = 0;
  /** Counts D updates (the heat map changes with them). */
  dVersion = 0;
  dLoss = NaN;
  gLoss = NaN;
  dUpdated = false;
  gUpdated = false;
  private fakeCache: { at: number; fake: Float32Array } | null = null;
  /** Keyed by the G and D versions: d_loss_eval changes with D alone (Step D). */
  private evalCache: { at: string; numbers: EvalNumbers } | null = null;
  private hist: number[][] = [[], [], [], [], [], [], []];
  stagePos = 0;
  private stageData: { real: Float32Array | null; z: Float32Array | null; text: string; index: number } | null = null;

  constructor(
    private readonly v: Values,
    loss: LossKind,
    private readonly target: Target,
    private readonly realEval: Float32Array,
    private readonly bw: number,
    private readonly kxx: number,
  ) {
    this.loss = loss;
    const seed = Number(v.seed);
    // The same seed gives the same initial G, D, data stream and noise in both cores of a
    // side-by-side run.
    const init = new Rng(seed * 2654435761 + 11);
    this.rng = new Rng(seed * 40503 + 7);
    this.zDim = Number(v.noise_dim);
    this.noiseKind = String(v.noise);
    this.m = Number(v.batch);
    this.k = isWgan(loss) ? Number(v.n_critic) : Number(v.k);
    this.clipC = Number(v.clip);
    this.lambda = Number(v.gp);
    const gl = Number(v.g_layers);
    const dl = Number(v.d_layers);
    const hiddenG = Array.from({ length: gl }, () => ({ units: Number(v.g_units), activation: v.g_act as Activation }));
    const hiddenD = Array.from({ length: dl }, () => ({ units: Number(v.d_units), activation: v.d_act as Activation }));
    this.G = new MLP(this.zDim, [...hiddenG, { units: 2, activation: 'linear' }], init, 'G');
    this.D = new MLP(2, [...hiddenD, { units: 1, activation: 'linear' }], init, 'D');
    if (loss === 'wgan-clip') this.D.clip(this.clipC);
    this.gOptKind = String(v.g_opt);
    this.dOptKind = String(v.d_opt);
    this.gOpt = makeOptimizer(v.g_opt as OptimizerKind, Number(v.g_lr));
    this.dOpt = makeOptimizer(v.d_opt as OptimizerKind, Number(v.d_lr));
    this.evalZ = sampleNoise(new Rng(seed * 7919 + 3), EVAL_N, this.zDim, this.noiseKind);
  }

  /**
   * Takes the live settings (learning rates, optimisers, K or n_critic, c, λ, batch size) into
   * the running model: weights and step count stay. A new optimiser kind starts with fresh
   * moments; a new learning rate keeps them.
   */
  update(v: Values) {
    const k = isWgan(this.loss) ? Number(v.n_critic) : Number(v.k);
    if (k !== this.k) {
      // a slow-motion walk through the stages restarts with the new count
      this.stagePos = 0;
      this.stageData = null;
    }
    this.k = k;
    this.m = Number(v.batch);
    this.clipC = Number(v.clip);
    this.lambda = Number(v.gp);
    const swap = (opt: tf.Optimizer, kind: string, was: string, lr: number) => {
      if (kind === was) {
        setLearningRate(opt, lr);
        return opt;
      }
      disposeOptimizer(opt);
      return makeOptimizer(kind as OptimizerKind, lr);
    };
    this.gOpt = swap(this.gOpt, String(v.g_opt), this.gOptKind, Number(v.g_lr));
    this.dOpt = swap(this.dOpt, String(v.d_opt), this.dOptKind, Number(v.d_lr));
    this.gOptKind = String(v.g_opt);
    this.dOptKind = String(v.d_opt);
    if (this.loss === 'wgan-clip') this.D.clip(this.clipC);
  }

  noise(n: number) {
    return sampleNoise(this.rng, n, this.zDim, this.noiseKind);
  }

  real(n: number) {
    return sampleTarget(this.target, this.rng, n);
  }

  /** One update of D (Algorithm 13.1 lines 3-5, or 13.2 lines 3-7). */
  dUpdate(real: Float32Array, z: Float32Array) {
    const m = real.length / 2;
    const eps = this.loss === 'wgan-gp' ? Float32Array.from({ length: m }, () => this.rng.next()) : null;
    const cost = tf.tidy(() => {
      const xr = tf.tensor2d(real, [m, 2]);
      const zt = tf.tensor2d(z, [m, this.zDim]);
      const fake = this.G.apply(zt);
      const c = this.dOpt.minimize(
        () => this.dLossOf(xr, fake, eps),
        true,
        this.D.variables(),
      );
      return c!;
    });
    this.dLoss = cost.dataSync()[0];
    this.dUpdated = true;
    this.dVersion++;
    cost.dispose();
    if (this.loss === 'wgan-clip') this.D.clip(this.clipC);
  }

  /**
   * D's loss on a batch (chapter 4, eq. d-ce; chapter 6, eqs. wgan-critic and wgan-gp):
   * GAN: -[mean log D(x) + mean log(1 - D(G(z)))] with D = sigmoid(logit);
   * WGAN: mean f(G(z)) - mean f(x), plus lambda mean (|grad f(x_hat)| - 1)^2 for WGAN-GP, with
   * x_hat = eps x + (1 - eps) G(z).
   */
  dLossOf(xr: tf.Tensor2D, fake: tf.Tensor2D, eps: Float32Array | null): tf.Scalar {
    const m = xr.shape[0];
    const lr = this.D.apply(xr);
    const lf = this.D.apply(fake);
    // GAN: -[log D(x) + log(1 - D(G(z)))] with D = sigmoid(logit)
    if (this.loss === 'minimax' || this.loss === 'nonsat') return discriminatorLoss(lr, lf);
    if (this.loss === 'lsgan') return lsganDiscriminatorLoss(lr, lf);
    // critic: minimise E f(G(z)) - E f(x) (no sigmoid, no log)
    let l = criticLoss(lr, lf);
    if (this.loss === 'wgan-gp' && this.lambda > 0) {
      const e = tf.tensor2d(eps!, [m, 1]);
      const xhat = tf.add(tf.mul(e, xr), tf.mul(tf.sub(1, e), fake)) as tf.Tensor2D;
      // grad_x D by explicit backprop (lib/nn/input-gradient.ts): a tf.grad nested in the
      // loss gives wrong weight gradients in tfjs 4.22 for tanh and ELU critics.
      const g = mlpInputGradient(this.D, xhat).grad;
      l = tf.add(l, tf.mul(this.lambda, gradientPenalty(g, 'two-sided'))) as tf.Scalar;
    }
    return l;
  }

  /** G's loss on a batch of noise vectors (chapter 4, eqs. g-minimax and g-ns; chapter 6, eq. wgan-generator). */
  gLossOfNoise(zt: tf.Tensor2D): tf.Scalar {
    return this.gLossOf(this.D.apply(this.G.apply(zt)));
  }

  /** G's loss on a batch of D outputs (logits or critic scores). */
  private gLossOf(lf: tf.Tensor): tf.Scalar {
    // minimax: E log(1 - D(G(z))); non-saturating: -E log D(G(z)); LSGAN: (1/2) E (D(G(z)) - 1)^2; WGAN: -E f(G(z))
    if (this.loss === 'minimax' || this.loss === 'nonsat') return generatorLoss(lf, this.loss === 'minimax');
    if (this.loss === 'lsgan') return lsganGeneratorLoss(lf);
    return tf.neg(tf.mean(lf)) as tf.Scalar;
  }

  /** One update of G (Algorithm 13.1 lines 7-8, or 13.2 lines 9-10). */
  gUpdate(z: Float32Array) {
    const m = z.length / this.zDim;
    const cost = tf.tidy(() => {
      const zt = tf.tensor2d(z, [m, this.zDim]);
      return this.gOpt.minimize(() => this.gLossOfNoise(zt), true, this.G.variables())!;
    });
    this.gLoss = cost.dataSync()[0];
    this.gUpdated = true;
    cost.dispose();
    this.gVersion++;
  }

  /** One outer iteration: K (or n_critic) D updates, then one G update. */
  step() {
    for (let i = 0; i < this.k; i++) this.dUpdate(this.real(this.m), this.noise(this.m));
    this.gUpdate(this.noise(this.m));
    this.updates++;
    this.stagePos = 0;
    this.stageData = null;
  }

  /** Slow motion: performs the next stage of the current outer iteration and describes it. */
  stage(): { done: boolean; info: StageInfo } {
    const count = 2 * this.k + 2;
    const i = this.stagePos;
    const dIter = Math.floor(i / 2);
    let text: string;
    let real: Float32Array | null = null;
    let z: Float32Array | null = null;
    const critic = isWgan(this.loss) ? 'critic' : 'D';
    if (i < 2 * this.k && i % 2 === 0) {
      real = this.real(this.m);
      z = this.noise(this.m);
      text = `${critic} step ${dIter + 1} of ${this.k}: sampled a minibatch of ${this.m} real points (green rings) and ${this.m} noise vectors, mapped by G to fakes (orange rings).`;
    } else if (i < 2 * this.k) {
      real = this.stageData!.real;
      z = this.stageData!.z;
      this.dUpdate(real!, z!);
      text = isWgan(this.loss)
        ? `${critic} step ${dIter + 1} of ${this.k}: one update of the critic on E f(G(z)) - E f(x)${this.loss === 'wgan-gp' ? ' + λ·penalty' : ', then every weight clipped to [-c, c]'}. The heat map changed.`
        : this.loss === 'lsgan'
          ? `D step ${dIter + 1} of ${this.k}: one update of D on its squared error (1/2)(D(x) - 1)² + (1/2)D(G(z))². The heat map changed.`
          : `D step ${dIter + 1} of ${this.k}: one update of D on its cross-entropy -[log D(x) + log(1 - D(G(z)))]. The heat map changed.`;
    } else if (i === 2 * this.k) {
      z = this.noise(this.m);
      text = `G step: sampled ${this.m} fresh noise vectors; the arrows show where G's loss pushes each fake.`;
    } else {
      z = this.stageData!.z;
      this.gUpdate(z!);
      this.updates++;
      text = `G step: G updated once; the fakes moved along the arrows. One full iteration is done.`;
    }
    let fakeBatch: Float32Array | null = null;
    if (z) fakeBatch = this.generate(z);
    this.stageData = { real, z, text, index: i };
    this.stagePos = (i + 1) % count;
    return { done: this.stagePos === 0, info: { index: i, count, text, realBatch: real, fakeBatch } };
  }

  generate(z: Float32Array): Float32Array {
    const n = z.length / this.zDim;
    return readTidy(() => this.G.apply(tf.tensor2d(z, [n, this.zDim])));
  }

  /** G applied to the fixed 2,500 evaluation noise vectors (cached per update count). */
  evalFakes(): Float32Array {
    const at = this.gVersion;
    if (!this.fakeCache || this.fakeCache.at !== at) this.fakeCache = { at, fake: this.generate(this.evalZ) };
    return this.fakeCache.fake;
  }

  /**
   * The evaluation numbers (modes covered, high-quality share, MMD², D's loss on the evaluation
   * sets), recomputed once per update of G or D. The MMD over 2,500 x 2,500 pairs costs tens of
   * milliseconds; on the page the worker host spaces its reports by their cost, so the model
   * keeps no clock of its own.
   */
  evaluate(): EvalNumbers {
    if (this.evalCache && this.evalCache.at === `${this.gVersion}:${this.dVersion}`) return this.evalCache.numbers;
    return this.evaluateNow();
  }

  private evaluateNow(): EvalNumbers {
    const at = `${this.gVersion}:${this.dVersion}`;
    const fake = this.evalFakes();
    const { modesCovered, highQuality } = modeStats(fake, this.target.modes, this.target.sigma);
    const mmd = mmdRbf(this.realEval, fake, this.bw, this.kxx);
    const numbers = { modes_covered: modesCovered, high_quality: highQuality, mmd, d_loss_eval: this.evalLoss(fake) };
    this.evalCache = { at, numbers };
    this.record(numbers);
    return numbers;
  }

  /**
   * D's loss on the fixed evaluation sets (2,500 real points and the 2,500 evaluation fakes),
   * without the gradient penalty: the GAN's cross-entropy, or the critic's E f(G(z)) - E f(x).
   * Much less noisy than the minibatch loss, so it can be plotted against sample quality.
   */
  evalLoss(fake: Float32Array): number {
    return tf.tidy(() => {
      const lr = this.D.apply(tf.tensor2d(this.realEval, [this.realEval.length / 2, 2]));
      const lf = this.D.apply(tf.tensor2d(fake, [fake.length / 2, 2]));
      const l = isWgan(this.loss) ? criticLoss(lr, lf) : this.loss === 'lsgan' ? lsganDiscriminatorLoss(lr, lf) : discriminatorLoss(lr, lf);
      return l.dataSync()[0];
    });
  }

  /** Adds the current numbers to the history (one entry per evaluation). */
  record(e: EvalNumbers) {
    const h = this.hist;
    if (h[0].length && h[0][h[0].length - 1] === this.updates) return;
    h[0].push(this.updates);
    h[1].push(this.dLoss);
    h[2].push(this.gLoss);
    h[3].push(e.mmd);
    h[4].push(e.high_quality);
    h[5].push(e.modes_covered);
    h[6].push(e.d_loss_eval);
    if (h[0].length > HISTORY_MAX) {
      // keep every other old entry: the history spans the whole run at bounded size
      for (const a of h) {
        const kept = a.filter((_, i) => i % 2 === 0 || i >= a.length - 50);
        a.length = 0;
        a.push(...kept);
      }
    }
  }

  heat(): { heat: Float32Array; min: number; max: number } {
    const n = HEAT_N;
    const pts = new Float32Array(2 * n * n);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        const i = r * n + c;
        pts[2 * i] = -EXTENT + ((c + 0.5) * 2 * EXTENT) / n;
        pts[2 * i + 1] = EXTENT - ((r + 0.5) * 2 * EXTENT) / n;
      }
    }
    const out = readTidy(() => {
      const o = this.D.apply(tf.tensor2d(pts, [n * n, 2]));
      // WGAN: the critic's unbounded score; LSGAN: D's raw output, whose optimum p_r / (p_r + p_g) lies in [0, 1]
      return isWgan(this.loss) || this.loss === 'lsgan' ? o : tf.sigmoid(o);
    });
    let min = Infinity;
    let max = -Infinity;
    for (const v of out) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (!isWgan(this.loss)) {
      min = 0;
      max = 1;
    }
    return { heat: out, min, max };
  }

  manifold(): { pts: Float32Array; lines: number[] } {
    const span = this.noiseKind === 'uniform' ? 1 : 2;
    const zs: number[] = [];
    const lines: number[] = [];
    if (this.zDim === 1) {
      const n = 161;
      for (let i = 0; i < n; i++) zs.push(-span + (2 * span * i) / (n - 1));
      lines.push(n);
    } else {
      const L = 9;
      const P = 41;
      for (let a = 0; a < L; a++) {
        const fixed = -span + (2 * span * a) / (L - 1);
        for (let dir = 0; dir < 2; dir++) {
          for (let i = 0; i < P; i++) {
            const t = -span + (2 * span * i) / (P - 1);
            if (dir === 0) zs.push(fixed, t);
            else zs.push(t, fixed);
          }
          lines.push(P);
        }
      }
    }
    return { pts: this.generate(Float32Array.from(zs)), lines };
  }

  /** Fakes from the first evaluation noise vectors and minus the gradient of G's loss there. */
  arrows(): Float32Array {
    const n = ARROWS_N;
    const z = this.evalZ.subarray(0, n * this.zDim);
    const out = readTidy(() => {
      const x = this.G.apply(tf.tensor2d(z, [n, this.zDim]));
      // gradient of the per-sample loss (sum, so each row is its own sample's gradient)
      const g = tf.grad((xx: tf.Tensor) => tf.mul(this.gLossOf(this.D.apply(xx as tf.Tensor2D)), n))(x);
      return tf.concat([x, tf.neg(g)], 1);
    });
    return out;
  }

  view(stage: StageInfo | null): CoreView {
    // the history gains an entry whenever a fresh evaluation is made (see evaluateNow)
    this.evaluate();
    const { heat, min, max } = this.heat();
    const man = this.manifold();
    const h = this.hist;
    return {
      loss: this.loss,
      fake: this.evalFakes().slice(0, 2 * SHOW_N),
      heat,
      heatMin: min,
      heatMax: max,
      manifold: man.pts,
      manifoldLines: man.lines,
      arrows: this.arrows(),
      history: {
        step: Float32Array.from(h[0]),
        d_loss: Float32Array.from(h[1]),
        g_loss: Float32Array.from(h[2]),
        mmd: Float32Array.from(h[3]),
        high_quality: Float32Array.from(h[4]),
        modes: Float32Array.from(h[5]),
        d_loss_eval: Float32Array.from(h[6]),
      },
      stage,
    };
  }

  /** G's and D's weights for a checkpoint. */
  named(prefix: string): NamedWeights {
    return { ...this.G.named(`${prefix}G`), ...this.D.named(`${prefix}D`) };
  }

  /** Puts checkpoint weights in place as if `at` outer iterations had run (losses appear after the next update). */
  loadNamed(prefix: string, weights: NamedWeights, at: number) {
    this.G.loadNamed(`${prefix}G`, weights);
    this.D.loadNamed(`${prefix}D`, weights);
    this.updates = at;
    this.gVersion++;
    this.dVersion++;
    this.dUpdated = false;
    this.gUpdated = false;
    this.fakeCache = null;
    this.evalCache = null;
    for (const a of this.hist) a.length = 0;
    this.stageData = null;
    this.stagePos = 0;
  }

  dispose() {
    this.G.dispose();
    this.D.dispose();
    disposeOptimizer(this.gOpt);
    disposeOptimizer(this.dOpt);
  }
}

export type Gan2dModel = Model & {
  evaluate(i?: number): EvalNumbers;
  save(): NamedWeights;
  load(weights: NamedWeights, step: number): void;
  cores: Core[];
  target: Target;
  /** The fixed real evaluation points (x, y pairs). */
  realEval: Float32Array;
};

export function createModel(values: Values): Gan2dModel {
  const target = makeTarget(values.target as TargetName, String(values.points ?? ''));
  const seed = Number(values.seed);
  const realEval = sampleTarget(target, new Rng(seed * 31337 + 5), EVAL_N);
  const bw = medianDistance(realEval);
  const kxx = meanKernel(realEval, realEval, bw, true);
  const loss = values.loss as LossKind;
  const cores = [new Core(values, loss, target, realEval, bw, kxx)];
  const w = (isWgan(loss) ? 'nonsat' : values.wgan) as LossKind;
  // Algorithm 13.2 trains the clipped critic and G with RMSProp; the partner follows it.
  const partnerValues = (v: Values) => (w === 'wgan-clip' ? { ...v, g_opt: 'rmsprop', d_opt: 'rmsprop' } : v);
  let current = values;
  if (values.compare) {
    // the side-by-side pair is always (GAN, WGAN), left to right
    const partner = new Core(partnerValues(values), w, target, realEval, bw, kxx);
    const pair = isWgan(loss) ? [partner, cores[0]] : [cores[0], partner];
    cores.length = 0;
    cores.push(...pair);
  }
  let stages: (StageInfo | null)[] = cores.map(() => null);
  let lastView: { view: Gan2dView; version: number } | null = null;
  // a single Step press or a command always gets a fresh view
  let forceView = true;
  return {
    cores,
    target,
    realEval,
    step() {
      for (const c of cores) c.step();
      stages = cores.map(() => null);
    },
    evaluate(i = 0) {
      return cores[i].evaluate();
    },
    update(next) {
      current = next;
      for (const c of cores) c.update(c.loss === loss ? next : partnerValues(next));
      forceView = true;
    },
    metrics() {
      const out: Record<string, number> = {};
      cores.forEach((c, i) => {
        // Once per G update, when the host asks (it spaces reports by their cost).
        const e = c.evaluate();
        const p = i === 0 ? '' : 'w_';
        // losses appear once their player has been updated (NaN after an update means divergence)
        if (c.dUpdated) out[`${p}d_loss`] = c.dLoss;
        if (c.gUpdated) out[`${p}g_loss`] = c.gLoss;
        out[`${p}modes_covered`] = e.modes_covered;
        out[`${p}high_quality`] = e.high_quality;
        out[`${p}mmd`] = e.mmd;
        out[`${p}d_loss_eval`] = e.d_loss_eval;
        // GAN only: a critic's loss is not a cross-entropy, and bounds no JS divergence
        if (i === 0 && !isWgan(c.loss)) out.js_bound = jsLowerBound(e.d_loss_eval);
      });
      out.modes_total = target.modes.length / 2;
      return out;
    },
    view(): Gan2dView {
      // A new view when D or G changed (or a command asked for one); how often the page gets one
      // while training runs is the worker host's choice (it spaces reports by their cost).
      const version = cores.reduce((n, c) => n + c.gVersion + c.dVersion, 0);
      if (lastView && !forceView && version === lastView.version) return lastView.view;
      forceView = false;
      const view: Gan2dView = {
        extent: EXTENT,
        heatN: HEAT_N,
        real: realEval.slice(0, 2 * SHOW_N),
        modes: Float32Array.from(target.modes),
        sigma: target.sigma,
        cores: cores.map((c, i) => c.view(stages[i])),
      };
      lastView = { view, version };
      return view;
    },
    command(name) {
      forceView = true;
      if (name === 'step-d') {
        for (const c of cores) c.dUpdate(c.real(Number(current.batch)), c.noise(Number(current.batch)));
        stages = cores.map(() => null);
        return { text: `Updated ${isWgan(loss) ? 'the critic' : 'D'} once; G unchanged.` };
      }
      if (name === 'step-g') {
        for (const c of cores) c.gUpdate(c.noise(Number(current.batch)));
        stages = cores.map(() => null);
        return { text: 'Updated G once; D unchanged.' };
      }
      if (name === 'stage') {
        const rs = cores.map((c) => c.stage());
        stages = rs.map((r) => r.info);
        const text = rs.map((r, i) => `${cores.length > 1 ? `${cores[i].loss}: ` : ''}Stage ${r.info.index + 1} of ${r.info.count}. ${r.info.text}`).join(' ');
        return { text, done: rs[0].done };
      }
      throw new Error(`unknown command ${name}`);
    },
    save() {
      return Object.assign({}, ...cores.map((c, i) => c.named(`core${i}.`))) as NamedWeights;
    },
    load(weights, at) {
      cores.forEach((c, i) => c.loadNamed(`core${i}.`, weights, at));
      stages = cores.map(() => null);
      forceView = true;
    },
    dispose() {
      for (const c of cores) c.dispose();
    },
  };
}
