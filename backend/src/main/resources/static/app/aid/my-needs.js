// "My needs": the needs the volunteer logged, newest first, with status and priority.
import { claims } from '../core/auth.js';
import { NetworkError } from '../core/errors.js';
import { gql } from '../core/graphql.js';
import { formatDateTime, label, localized, t } from '../core/i18n.js';
import { html, nothing, update } from '../core/view.js';
import { priorityExplanation } from './priority.js';

const MY_NEEDS = `query MyNeeds($me: ID!) {
  aidRequests(filter: { reportedBy: $me }, orderBy: CREATED, first: 50) {
    edges { node {
      id title sector status priority urgency createdAt
      community { pcode name { uk en } }
      priorityExplanation { computed score factors { factor value weight contribution } override { priority } }
    } }
  }
}`;

const screen = { needs: null, problem: null };

export async function loadMyNeeds() {
  screen.problem = null;
  try {
    const data = await gql(MY_NEEDS, { me: claims().sub });
    screen.needs = data.aidRequests.edges.map((edge) => edge.node);
  } catch (failure) {
    screen.problem = failure instanceof NetworkError ? t('needs.offline') : t('error.api', { message: failure.message });
  }
  update();
}

export function myNeedsScreen() {
  return html`<h1 tabindex="-1">${t('needs.title')}</h1>
    ${screen.problem ? html`<p class="notice error" role="status">${screen.problem}</p>` : nothing}
    ${screen.needs === null && !screen.problem ? html`<p>${t('app.loading')}</p>` : nothing}
    ${screen.needs?.length === 0 ? html`<p>${t('needs.empty')}</p>` : nothing}
    <ul class="cards">${(screen.needs ?? []).map((need) => html`<li class="card">
      <h2>${need.title}</h2>
      <p class="meta">${label('Sector', need.sector)} · ${localized(need.community.name)}</p>
      <p><span class="badge">${t('needs.status')}: ${label('AidRequestStatus', need.status)}</span>
        <span class="badge priority-${need.priority.toLowerCase()}">${t('needs.priority')}: ${label('Priority', need.priority)}</span></p>
      <p class="meta">${t('needs.logged', { when: formatDateTime(need.createdAt) })}</p>
      ${priorityExplanation(need.priorityExplanation)}
    </li>`)}</ul>`;
}
