import { describe, expect, it } from 'vitest';
import { candidates, choiceKey, choiceLabel, classifyAdapter, classifyRenderer, parseChoice, pickFastest, type BackendTiming } from '../../src/lib/backend-choice';

const t = (backend: BackendTiming['backend'], msPerStep: number | null): BackendTiming => ({ backend, msPerStep });

describe('backend choice for readers with a GPU', () => {
  it('times WebGL only on hardware renderers', () => {
    expect(classifyRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)')).toBe('software');
    expect(classifyRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('software');
    expect(classifyRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe('hardware');
    expect(classifyRenderer('Apple M2')).toBe('hardware');
    expect(classifyRenderer(null)).toBe('none');
    expect(candidates('hardware')).toEqual(['wasm', 'webgl']);
    expect(candidates('software')).toEqual(['wasm']);
    expect(candidates('none')).toEqual(['wasm']);
    // WebGPU: timed only on a hardware adapter (Chromium's --enable-unsafe-webgpu gives SwiftShader).
    expect(classifyAdapter({ isFallbackAdapter: false, info: { vendor: 'google', architecture: 'swiftshader', description: '' } })).toBe('software');
    expect(classifyAdapter({ isFallbackAdapter: true, info: { vendor: 'nvidia' } })).toBe('software');
    expect(classifyAdapter({ info: { vendor: 'nvidia', architecture: 'ampere' } })).toBe('hardware');
    expect(classifyAdapter({ info: { vendor: '', architecture: '' } })).toBe('hardware');
    expect(classifyAdapter(null)).toBe('none');
    expect(candidates('hardware', 'hardware')).toEqual(['wasm', 'webgpu', 'webgl']);
    expect(candidates('software', 'hardware')).toEqual(['wasm', 'webgpu']);
    expect(candidates('hardware', 'software')).toEqual(['wasm', 'webgl']);
  });

  it('keeps the fastest backend; a GPU must beat WASM by the margin', () => {
    expect(pickFastest([t('wasm', 40), t('webgl', 10)])).toBe('webgl');
    expect(pickFastest([t('wasm', 40), t('webgl', 35)])).toBe('wasm'); // 1.14x: under the 1.25x margin
    expect(pickFastest([t('wasm', 40), t('webgl', 31)])).toBe('webgl'); // 1.29x
    expect(pickFastest([t('wasm', 40), t('webgl', 35)], 1.1)).toBe('webgl');
    expect(pickFastest([t('wasm', 10), t('webgl', 40)])).toBe('wasm');
  });

  it('falls back to WASM when a timing failed or is nonsense', () => {
    expect(pickFastest([t('wasm', 40), { backend: 'webgl', msPerStep: null, error: 'context lost' }])).toBe('wasm');
    expect(pickFastest([t('wasm', 40), t('webgl', NaN)])).toBe('wasm');
    expect(pickFastest([t('wasm', 40), t('webgl', 0)])).toBe('wasm');
    expect(pickFastest([{ backend: 'wasm', msPerStep: null }, t('webgl', 20)])).toBe('webgl');
    expect(pickFastest([])).toBe('wasm');
  });

  it('reads back a stored choice only when it is well formed and allowed', () => {
    const c = { backend: 'webgl', timings: [t('wasm', 40), t('webgl', 10)], at: 1 };
    expect(parseChoice(JSON.stringify(c), ['wasm', 'webgl'])?.backend).toBe('webgl');
    expect(parseChoice(JSON.stringify(c), ['wasm'])).toBeNull();
    expect(parseChoice('{not json', ['wasm', 'webgl'])).toBeNull();
    expect(parseChoice(JSON.stringify({ backend: 'webgl' }), ['wasm', 'webgl'])).toBeNull();
    expect(parseChoice(null, ['wasm'])).toBeNull();
    expect(choiceKey('vae-mnist')).toBe('dgm:tf-backend:vae-mnist');
  });

  it('labels the readout with the backend and the measured factor', () => {
    expect(choiceLabel({ backend: 'webgl', timings: [t('wasm', 40), t('webgl', 10)], at: 1 })).toBe('webgl (GPU, 4.0x wasm)');
    expect(choiceLabel({ backend: 'wasm', timings: [t('wasm', 10), t('webgl', 25)], at: 1 })).toBe('wasm (faster than webgl: 2.5x)');
    expect(choiceLabel({ backend: 'wasm', timings: [t('wasm', 10)], at: 1 })).toBe('wasm');
  });
});
