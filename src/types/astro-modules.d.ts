// Lets plain TypeScript files (components/registry.ts) import .astro components under tsc;
// `astro check` types the components themselves.
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const component: AstroComponentFactory;
  export default component;
}
