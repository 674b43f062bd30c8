// A need's priority explained for coordinators: the score, each factor's contribution as a bar,
// and the override with its reason when a coordinator set the priority.
import { label, t } from '../core/i18n.js';
import { html, nothing } from '../core/view.js';
import { factorBars, points } from './factor-bars.js';

export function priorityExplanation(explanation) {
  return html`<div class="priority-explanation">
    ${explanation.override ? html`<p class="override">${t('priority.override', {
      priority: label('Priority', explanation.override.priority),
      computed: label('Priority', explanation.computed),
      reason: explanation.override.reason ?? '' })}</p>` : nothing}
    ${explanation.score === null ? nothing : html`<p>${t('priority.score', { score: points(explanation.score) })}</p>`}
    ${explanation.factors ? factorBars(explanation.factors, (factor) => label('PriorityFactor', factor)) : nothing}
  </div>`;
}
