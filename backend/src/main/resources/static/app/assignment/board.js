// The coordinators' board of assignments: a column per active status (offered, accepted, in
// progress) and the latest ended ones, for one of their communities or all; an active one can be
// cancelled with a reason. It follows the activity log's assignment entries, so a volunteer's
// answer or check-in moves the card without a reload.
import './console-texts.js';
import '../aid/console-texts.js';
import { NetworkError } from '../core/errors.js';
import { gql } from '../core/graphql.js';
import { formatDateTime, label, localized, t } from '../core/i18n.js';
import { subscribe } from '../core/live.js';
import { field, html, nothing, update } from '../core/view.js';
import { myCommunities } from '../aid/my-communities.js';
import { debounced, follower, liveNotice } from '../aid/live-follow.js';

const ACTIVE = ['OFFERED', 'ACCEPTED', 'IN_PROGRESS'];
const ENDED = ['COMPLETED', 'DECLINED', 'CANCELLED', 'EXPIRED'];

const CARD = 'id version status volunteerId volunteer { displayName } task { kind id title } window { start end } communityPcode note';

const BOARD = `query Board($active: AssignmentFilter, $ended: AssignmentFilter) {
  active: assignments(filter: $active, first: 100) { edges { node { ${CARD} } } }
  ended: assignments(filter: $ended, first: 20) { edges { node { ${CARD} } } }
}`;

const CANCEL = `mutation Cancel($input: CancelAssignmentInput!) { cancelAssignment(input: $input) {
  assignment { id status } userErrors { path code message } } }`;

const CHANGED = 'subscription BoardChanged { activityAdded(filter: { entityType: "Assignment" }) { id } }';

const board = { active: null, ended: [], problem: null, notice: null, communities: [], filter: { community: '' },
  cancelling: null, draft: { reason: '' }, errors: {}, busy: false };

let latest = 0;

async function reload() {
  const scope = board.filter.community ? { community: board.filter.community } : {};
  // Only the latest read shows: an older one (another community) may answer after it.
  latest += 1;
  const mine = latest;
  try {
    const data = await gql(BOARD, { active: { ...scope, statuses: ACTIVE }, ended: { ...scope, statuses: ENDED } });
    if (mine !== latest) {
      return;
    }
    board.active = data.active.edges.map((edge) => edge.node);
    board.ended = data.ended.edges.map((edge) => edge.node);
    board.problem = null;
  } catch (failure) {
    board.problem = failure instanceof NetworkError ? t('error.network') : t('error.api', { message: failure.message });
  }
  update();
}

const live = follower('board', reload);
const reloadSoon = debounced(reload);

export async function load() {
  board.communities = await myCommunities();
  live.follow('assignments', () => subscribe(CHANGED, {}, reloadSoon));
  await reload();
}

const nameOf = (assignment) => assignment.volunteer?.displayName ?? assignment.volunteerId;

function startCancel(assignment) {
  board.cancelling = assignment.id;
  board.draft = { reason: '' };
  board.errors = {};
  update();
}

async function cancel(event, assignment) {
  event.preventDefault();
  const reason = board.draft.reason.trim();
  if (!reason || reason.length > 500) {
    board.errors = { reason: reason ? t('err.maxLength', { max: 500 }) : t('err.required') };
    update();
    return;
  }
  board.busy = true;
  update();
  try {
    const payload = (await gql(CANCEL, { input: { id: assignment.id, reason } })).cancelAssignment;
    if (payload.userErrors.length) {
      board.errors = { reason: payload.userErrors.map((error) => error.message).join(' ') };
    } else {
      board.cancelling = null;
      board.notice = t('board.cancelled', { name: nameOf(assignment) });
      await reload();
    }
  } catch (failure) {
    board.errors = { reason: failure instanceof NetworkError ? t('error.network') : t('error.api', { message: failure.message }) };
  }
  board.busy = false;
  update();
}

function card(assignment) {
  const task = assignment.task;
  const taskLink = task.kind === 'AID_REQUEST' ? html`<a href=${`#/need/${encodeURIComponent(task.id)}`}>${task.title ?? task.id}</a>` : (task.title ?? task.id);
  return html`<li class="card" data-assignment-id=${assignment.id}>
    <h3>${nameOf(assignment)}</h3>
    <p>${label('TaskKind', task.kind)}: ${taskLink}</p>
    <p class="meta">${t('board.window', { start: formatDateTime(assignment.window.start), end: formatDateTime(assignment.window.end) })}</p>
    ${ENDED.includes(assignment.status) ? html`<p><span class="badge">${label('AssignmentStatus', assignment.status)}</span>
      ${assignment.note ? html`<span class="meta">${assignment.note}</span>` : nothing}</p>` : nothing}
    ${ACTIVE.includes(assignment.status) && board.cancelling !== assignment.id ? html`<button type="button" class="secondary cancel"
      aria-label=${t('board.cancelOf', { name: nameOf(assignment) })} @click=${() => startCancel(assignment)}>${t('board.cancel')}</button>` : nothing}
    ${board.cancelling === assignment.id ? html`<form class="subform" @submit=${(event) => cancel(event, assignment)} novalidate>
      ${field({ path: 'reason', label: t('board.reason'), draft: board.draft, errors: board.errors, type: 'textarea', key: 'cancel', required: true })}
      <div class="actions">
        <button type="submit" class="danger" ?disabled=${board.busy}>${t('board.confirmCancel')}</button>
        <button type="button" class="secondary" @click=${() => { board.cancelling = null; update(); }}>${t('board.keep')}</button>
      </div>
    </form>` : nothing}
  </li>`;
}

function column(id, title, assignments) {
  return html`<section class="board-column" aria-labelledby=${id} data-status=${id}>
    <h2 id=${id}>${title} <span class="meta">(${assignments.length})</span></h2>
    ${assignments.length ? html`<ul class="cards">${assignments.map(card)}</ul>` : html`<p class="meta">${t('board.empty')}</p>`}
  </section>`;
}

function chooseCommunity(event) {
  board.filter.community = event.target.value;
  reload();
}

export function render() {
  const communityOptions = [{ value: '', label: t('queue.allMine') },
    ...board.communities.map((community) => ({ value: community.pcode, label: localized(community.name) }))];
  return html`<div class="console">
    <h1 tabindex="-1">${t('board.title')}</h1>
    ${liveNotice()}
    <form class="queue-filters" @change=${chooseCommunity} @submit=${(event) => event.preventDefault()}>
      ${field({ path: 'community', label: t('board.community'), draft: board.filter, options: communityOptions, key: 'board' })}
    </form>
    ${board.problem ? html`<p class="notice error" role="alert">${board.problem}</p>` : nothing}
    ${board.notice ? html`<p class="notice ok" role="status">${board.notice}</p>` : nothing}
    ${board.active === null && !board.problem ? html`<p>${t('app.loading')}</p>` : nothing}
    ${board.active ? html`<div class="board">
      ${ACTIVE.map((status) => column(status, label('AssignmentStatus', status), board.active.filter((a) => a.status === status)))}
      ${column('ENDED', t('board.ended'), board.ended)}
    </div>` : nothing}
  </div>`;
}
