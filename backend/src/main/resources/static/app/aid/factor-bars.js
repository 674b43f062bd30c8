// Factors of a score drawn as bars: a need's priority factors and a volunteer's match factors.
// Each bar's length is what the factor added to the score, in points out of 100; the numbers are
// written beside it, so that the bar is never the only way to read them. The bar is SVG: its
// length is an attribute, since the Content Security Policy allows no inline styles.
import { formatNumber, t } from '../core/i18n.js';
import { html, nothing } from '../core/view.js';

export const points = (fraction) => Math.round(fraction * 100);

const twoDecimals = (value) => formatNumber(Math.round(value * 100) / 100);

/**
 * factors: [{ factor, value, weight, contribution, reason? }]; name(factor) gives its label.
 * Largest contribution first.
 */
export function factorBars(factors, name) {
  const sorted = [...factors].sort((a, b) => b.contribution - a.contribution);
  return html`<ul class="factor-bars">${sorted.map((factor) => html`<li data-factor=${factor.factor}>
    <span class="factor-name">${name(factor.factor)}</span>
    <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect class="fill" x="0" y="0" height="10" width=${Math.max(0, Math.min(100, factor.contribution * 100))}></rect></svg>
    <span class="factor-points">${t('priority.points', { points: points(factor.contribution) })}</span>
    <span class="meta">${t('priority.detail', { value: twoDecimals(factor.value), weight: twoDecimals(factor.weight) })}</span>
    ${factor.reason ? html`<span class="factor-reason">${factor.reason}</span>` : nothing}
  </li>`)}</ul>`;
}
