/**
 * KL and JS divergences between 1-D densities by quadrature (natural log, nats). The convention
 * 0 log 0 = 0 is applied; KL is +Infinity where p has mass that q lacks.
 */
import { integrate } from './quadrature';
import { breakpoints, pdf, support, type Mixture } from './mixture';

type Density = (x: number) => number;

function xlogy(p: number, r: number): number {
  return p > 0 ? p * Math.log(r) : 0;
}

export function klDensities(p: Density, q: Density, a: number, b: number, breaks: number[] = [], n = 8000): number {
  let infinite = false;
  const v = integrate(
    (x) => {
      const px = p(x);
      if (px <= 0) return 0;
      const qx = q(x);
      if (qx <= 0) {
        if (px > 1e-300) infinite = true;
        return 0;
      }
      return px * Math.log(px / qx);
    },
    a,
    b,
    breaks,
    n,
  );
  return infinite ? Infinity : Math.max(0, v);
}

export function jsdDensities(p: Density, q: Density, a: number, b: number, breaks: number[] = [], n = 8000): number {
  const v = integrate(
    (x) => {
      const px = p(x);
      const qx = q(x);
      const m = 0.5 * (px + qx);
      if (m <= 0) return 0;
      return 0.5 * xlogy(px, px / m) + 0.5 * xlogy(qx, qx / m);
    },
    a,
    b,
    breaks,
    n,
  );
  return Math.min(Math.LN2, Math.max(0, v));
}

export function kl(p: Mixture, q: Mixture, n = 8000): number {
  const [a, b] = support([p, q]);
  return klDensities((x) => pdf(p, x), (x) => pdf(q, x), a, b, breakpoints([p, q]), n);
}

export function jsd(p: Mixture, q: Mixture, n = 8000): number {
  const [a, b] = support([p, q]);
  return jsdDensities((x) => pdf(p, x), (x) => pdf(q, x), a, b, breakpoints([p, q]), n);
}

/** The optimal discriminator of Proposition 1: p_data / (p_data + p_g); 1/2 where both vanish. */
export function optimalD(pData: number, pG: number): number {
  const s = pData + pG;
  return s > 0 ? pData / s : 0.5;
}
