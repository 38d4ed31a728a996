/**
 * Every widget model, for the benchmark page and script (`npm run bench`) and the lifecycle
 * tests: found, not listed. Each src/widgets/<id>/settings.ts exports `id`, `specs` and `bench`;
 * the model module next to it exports `createModel` and is loaded only when it runs.
 */
import type { ParamSpec, Values } from '../lib/params';
import type { BenchInfo, Model } from '../lib/model';
import type { Mnist } from '../lib/data/mnist';

interface SettingsModule {
  id: string;
  specs: ParamSpec[];
  bench: BenchInfo;
}
type Factory = (values: Values, mnist?: Mnist) => Model | Promise<Model>;

export interface ModelEntry {
  /** The widget id. */
  id: string;
  specs: ParamSpec[];
  create: (values: Values, data: { mnist?: Mnist }) => Promise<Model>;
  /** Uses tfjs (benchmarked per backend) or plain JavaScript. */
  tf: boolean;
  needsMnist?: boolean;
  /** Steps timed by the benchmark (after a short warm-up). */
  benchSteps: number;
}

const settings = import.meta.glob<SettingsModule>('../widgets/*/settings.ts', { eager: true });
const models = import.meta.glob<Factory>('../widgets/*/model.ts', { import: 'createModel' });

export const MODELS: ModelEntry[] = Object.entries(settings).map(([path, s]) => {
  const load = models[path.replace(/settings\.ts$/, 'model.ts')];
  if (!load) throw new Error(`${path} has no model.ts beside it`);
  return {
    id: s.id,
    specs: s.specs,
    tf: s.bench.tf,
    needsMnist: s.bench.needsMnist,
    benchSteps: s.bench.steps,
    async create(values, data) {
      const createModel = await load();
      if (s.bench.needsMnist && !data.mnist) throw new Error(`${s.id} needs MNIST`);
      return createModel(values, data.mnist);
    },
  };
});
