// The parts of citation.js (no bundled types) that src/pages/references.astro uses.
declare module '@citation-js/core' {
  export interface CslEntry {
    id: string;
    [field: string]: unknown;
  }
  export class Cite {
    constructor(data: string | object);
    data: CslEntry[];
    format(format: 'bibliography' | 'citation' | 'data', options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
