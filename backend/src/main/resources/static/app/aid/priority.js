// A need's priority in plain words: the score out of 100 and what each factor added to it.
import { formatNumber, label, t } from '../core/i18n.js';
import { html, nothing } from '../core/view.js';

const points = (fraction) => Math.round(fraction * 100);

export function priorityExplanation(explanation) {
  const factors = [...explanation.factors].sort((a, b) => b.contribution - a.contribution);
  return html`<details>
    <summary>${t('needs.why')}</summary>
    ${explanation.override ? html`<p>${t('needs.override', {
      priority: label('Priority', explanation.override.priority), computed: label('Priority', explanation.computed) })}</p>` : nothing}
    <p>${t('needs.score', { score: points(explanation.score) })}</p>
    <ul>${factors.map((factor) => html`<li>${t('needs.factor', {
      factor: label('PriorityFactor', factor.factor),
      points: points(factor.contribution),
      value: formatNumber(Math.round(factor.value * 100) / 100),
      weight: formatNumber(factor.weight),
    })}</li>`)}</ul>
  </details>`;
}
