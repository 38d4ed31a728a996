/**
 * A lower bound on the Jensen-Shannon divergence read off a GAN discriminator (chapter 4,
 * Proposition 1 and Theorem 1). For any D, V(D, G) <= V(D*, G) = -log 4 + 2 JS(p_data || p_g), and
 * D's cross-entropy loss is L_D = -V(D, G) = -E_data log D(x) - E_g log(1 - D(x)). Hence
 *
 *   JS(p_data || p_g) >= log 2 - L_D / 2     (natural logarithms; JS lies in [0, log 2]),
 *
 * with equality when D = D*. Computed from a finite evaluation set, the bound carries that set's
 * sampling error, and a D far from D* makes it loose (it can even be negative).
 */
export function jsLowerBound(dLoss: number): number {
  return Math.LN2 - dLoss / 2;
}
