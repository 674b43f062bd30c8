// A need's page for coordinators (#/need/<id>): every field they may see, the status history,
// triage (sector, and the priority set by hand with a reason), status changes with a note, the
// possible duplicates side by side, and the volunteers to assign. It follows the need's
// aidRequestChanged events, so a change made elsewhere shows without a reload.
import './console-texts.js';
import { NetworkError } from '../core/errors.js';
import { errorsByField, gql } from '../core/graphql.js';
import { enumValues, formatDateTime, formatNumber, label, localized, t } from '../core/i18n.js';
import { subscribe } from '../core/live.js';
import { field, html, nothing, routeParameter, update } from '../core/view.js';
import { assignPanel, resetAssign } from '../assignment/assign.js';
import { duplicateReview, loadDuplicates } from './duplicates.js';
import { follower, liveNotice } from './live-follow.js';
import { priorityExplanation } from './priority-explanation.js';

export const NEED_FIELDS = `id version title description sector status urgency priority quantity unit neededBy createdAt
  reporterName clientRequestId possibleDuplicateIds duplicateOf
  community { pcode name { uk en } }
  peopleAffected { total girls boys women men olderWomen olderMen withDisability }
  location { latitude longitude }
  contact { name phone }
  priorityExplanation { computed score factors { factor value weight contribution } override { priority reason at } }
  statusHistory { from to at note }
  assignmentCounts { offered active completed }`;

const NEED = `query Need($id: ID!) { aidRequest(id: $id) { ${NEED_FIELDS} } }`;

const CHANGED = `subscription NeedChanged($communities: [String!]) { aidRequestChanged(communityPcodes: $communities) { ${NEED_FIELDS} } }`;

const PAYLOAD = `aidRequest { ${NEED_FIELDS} } userErrors { path code message }`;
const TRIAGE = `mutation Triage($input: TriageAidRequestInput!) { triageAidRequest(input: $input) { ${PAYLOAD} } }`;
const CHANGE_STATUS = `mutation ChangeStatus($input: ChangeAidRequestStatusInput!) { changeAidRequestStatus(input: $input) { ${PAYLOAD} } }`;

// The lifecycle as the API allows it (AidRequestStatus.NEXT); DUPLICATE is set by duplicate review.
const NEXT = {
  NEW: ['TRIAGED', 'CANCELLED'],
  TRIAGED: ['ASSIGNED', 'CANCELLED'],
  ASSIGNED: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['FULFILLED', 'CANCELLED'],
  FULFILLED: ['CLOSED'],
};

const page = { id: null, need: null, problem: null, notice: null, changedElsewhere: false,
  triage: {}, triageErrors: {}, status: {}, statusErrors: {}, saving: false };

function startDrafts(need) {
  page.triage = { sector: need.sector, priorityOverride: need.priorityExplanation.override?.priority ?? '',
    reason: need.priorityExplanation.override?.reason ?? '' };
  page.status = { status: NEXT[need.status]?.[0] ?? '', note: '' };
}

/** Shows the need as the API returned it; drafts start again only for another need. */
function show(need) {
  const another = page.need?.id !== need.id;
  page.need = need;
  if (another) {
    startDrafts(need);
  }
  loadDuplicates(need);
}

async function reload() {
  const id = page.id;
  page.problem = null;
  try {
    const data = await gql(NEED, { id });
    if (id !== page.id) {
      return;
    }
    if (data.aidRequest) {
      show(data.aidRequest);
    } else {
      page.need = null;
      page.problem = t('need.missing');
    }
  } catch (failure) {
    page.need = null;
    page.problem = failure instanceof NetworkError ? t('error.network')
      : failure.classification === 'FORBIDDEN' ? t('need.missing') : t('error.api', { message: failure.message });
  }
  update();
}

const live = follower('need', reload);

function changed(data) {
  const need = data.aidRequestChanged;
  if (need.id === page.id && need.version > (page.need?.version ?? -1)) {
    page.changedElsewhere = !page.saving;
    if (page.need && need.status !== page.need.status) {
      // The moves offered depend on the status: the one chosen may no longer be one.
      page.status = { status: NEXT[need.status]?.[0] ?? '', note: page.status.note };
    }
    show(need);
    update();
  }
}

export async function load() {
  const id = routeParameter();
  if (id !== page.id) {
    Object.assign(page, { id, need: null, notice: null, changedElsewhere: false, triageErrors: {}, statusErrors: {} });
    resetAssign();
  }
  await reload();
  if (page.need) {
    live.follow(page.need.id, () => subscribe(CHANGED, { communities: [page.need.community.pcode] }, changed));
  }
}

/** Runs a mutation of the need; its user errors go to the form's fields, a success replaces the need. */
async function mutate(document, input, key, errorsKey, notice) {
  page.saving = true;
  page.notice = null;
  page.changedElsewhere = false;
  page[errorsKey] = {};
  update();
  try {
    const payload = (await gql(document, { input }))[key];
    if (payload.userErrors.length) {
      page[errorsKey] = errorsByField(payload.userErrors);
      page[errorsKey].form = payload.userErrors.map((error) => error.message).join(' ');
    } else {
      page.need = null;
      show(payload.aidRequest);
      page.notice = notice(payload.aidRequest);
    }
  } catch (failure) {
    page[errorsKey] = { form: failure instanceof NetworkError ? t('error.network') : t('error.api', { message: failure.message }) };
  }
  page.saving = false;
  update();
}

function saveTriage(event) {
  event.preventDefault();
  const { sector, priorityOverride, reason } = page.triage;
  const trimmed = (reason ?? '').trim();
  if (priorityOverride && !trimmed) {
    page.triageErrors = { reason: t('err.required') };
  } else if (trimmed.length > 500) {
    page.triageErrors = { reason: t('err.maxLength', { max: 500 }) };
  } else {
    const input = { id: page.need.id, version: page.need.version, sector, priorityOverride: priorityOverride || null };
    if (priorityOverride) {
      input.reason = trimmed;
    }
    mutate(TRIAGE, input, 'triageAidRequest', 'triageErrors', () => t('need.triaged'));
    return;
  }
  update();
}

function saveStatus(event) {
  event.preventDefault();
  const note = page.status.note.trim();
  if (note.length > 500) {
    page.statusErrors = { note: t('err.maxLength', { max: 500 }) };
    update();
    return;
  }
  const input = { id: page.need.id, version: page.need.version, status: page.status.status, note: note || null };
  mutate(CHANGE_STATUS, input, 'changeAidRequestStatus', 'statusErrors',
    (need) => t('need.statusChanged', { status: label('AidRequestStatus', need.status) }));
}

const orNone = (value) => (value === null || value === undefined || value === '' ? t('need.none') : value);

function details(need) {
  const people = need.peopleAffected;
  const rows = [
    [t('need.community'), localized(need.community.name)],
    [t('need.sector'), label('Sector', need.sector)],
    [t('need.status'), label('AidRequestStatus', need.status)],
    [t('need.urgency'), label('Urgency', need.urgency)],
    [t('need.people'), html`${orNone(people.total === null ? null : formatNumber(people.total))}
      <span class="meta">${t('need.groups', Object.fromEntries(['girls', 'boys', 'women', 'men', 'olderWomen', 'olderMen', 'withDisability']
        .map((group) => [group, orNone(people[group])])))}</span>`],
    [t('need.quantity'), need.quantity === null ? t('need.none') : `${formatNumber(need.quantity)} ${need.unit ?? ''}`],
    [t('need.description'), html`<span class="description">${orNone(need.description)}</span>`],
    [t('need.location'), need.location ? `${need.location.latitude}, ${need.location.longitude}` : t('need.none')],
    [t('need.contact'), need.contact ? [need.contact.name, need.contact.phone].filter(Boolean).join(', ') || t('need.none') : t('need.none')],
    [t('need.reporter'), orNone(need.reporterName)],
    [t('need.neededBy'), need.neededBy ? formatDateTime(need.neededBy) : t('need.none')],
    [t('need.logged'), formatDateTime(need.createdAt)],
  ];
  if (need.duplicateOf) {
    rows.push([t('need.duplicateOf'), html`<a href=${`#/need/${encodeURIComponent(need.duplicateOf)}`}>${need.duplicateOf}</a>`]);
  }
  return html`<section aria-labelledby="need-details"><h2 id="need-details">${t('need.details')}</h2>
    <dl class="need-fields">${rows.map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}</dl>
    <p class="meta">${t('need.assignments', need.assignmentCounts)}</p>
  </section>`;
}

function history(need) {
  return html`<section aria-labelledby="need-history"><h2 id="need-history">${t('need.history')}</h2>
    <ol class="history">${need.statusHistory.map((change) => html`<li>
      ${t('need.historyEntry', { from: change.from ? label('AidRequestStatus', change.from) : '∅',
        to: label('AidRequestStatus', change.to), when: formatDateTime(change.at) })}
      ${change.note ? html`<span class="meta"> — ${change.note}</span>` : nothing}</li>`)}</ol>
  </section>`;
}

function formProblem(errors) {
  return errors.form ? html`<p class="notice error" role="alert">${errors.form}</p>` : nothing;
}

function triageForm(need) {
  const priorities = [{ value: '', label: t('need.computed', { priority: label('Priority', need.priorityExplanation.computed) }) },
    ...enumValues('Priority').map((value) => ({ value, label: label('Priority', value) }))];
  return html`<section aria-labelledby="need-triage"><h2 id="need-triage">${t('need.triage')}</h2>
    <form class="triage" @submit=${saveTriage} novalidate>
      ${field({ path: 'sector', label: t('need.sector'), draft: page.triage, errors: page.triageErrors, key: 'triage',
        options: enumValues('Sector').map((value) => ({ value, label: label('Sector', value) })) })}
      ${field({ path: 'priorityOverride', label: t('need.override'), draft: page.triage, errors: page.triageErrors, key: 'triage', options: priorities })}
      ${field({ path: 'reason', label: t('need.reason'), hint: t('need.reason.hint'), draft: page.triage, errors: page.triageErrors, type: 'textarea', key: 'triage' })}
      ${formProblem(page.triageErrors)}
      <button type="submit" class="primary" ?disabled=${page.saving}>${t('need.saveTriage')}</button>
    </form>
  </section>`;
}

function statusForm(need) {
  const next = NEXT[need.status] ?? [];
  return html`<section aria-labelledby="need-status"><h2 id="need-status">${t('need.changeStatus')}</h2>
    ${next.length === 0 ? html`<p>${t('need.noMoves', { status: label('AidRequestStatus', need.status) })}</p>` : html`
    <form class="status-change" @submit=${saveStatus} novalidate>
      ${field({ path: 'status', label: t('need.newStatus'), draft: page.status, errors: page.statusErrors, key: 'status',
        options: next.map((value) => ({ value, label: label('AidRequestStatus', value) })) })}
      ${field({ path: 'note', label: t('need.note'), draft: page.status, errors: page.statusErrors, type: 'textarea', key: 'status' })}
      ${formProblem(page.statusErrors)}
      <button type="submit" class="primary" ?disabled=${page.saving}>${t('need.saveStatus')}</button>
    </form>`}
  </section>`;
}

/** Once marked as a duplicate the need is read again: its status and history changed. */
function markedDuplicate(notice) {
  page.notice = notice;
  page.need = null;
  reload();
}

export function render() {
  const need = page.need;
  return html`<div class="console">
    <p><a href="#/queue">${t('need.back')}</a></p>
    <h1 tabindex="-1">${need ? need.title : t('need.title')}</h1>
    ${liveNotice()}
    ${page.problem ? html`<p class="notice error" role="alert">${page.problem}</p>` : nothing}
    ${!need && !page.problem ? html`<p>${t('app.loading')}</p>` : nothing}
    ${need ? html`
      ${page.notice ? html`<p class="notice ok" role="status" id="need-notice">${page.notice}</p>` : nothing}
      ${page.changedElsewhere ? html`<p class="notice" role="status">${t('need.changedElsewhere')}</p>` : nothing}
      <p><span class="badge priority-${need.priority.toLowerCase()}">${t('need.priority')}: ${label('Priority', need.priority)}</span>
        <span class="badge">${t('need.status')}: ${label('AidRequestStatus', need.status)}</span></p>
      <div class="desk-columns">
        <div>
          ${details(need)}
          <section aria-labelledby="need-priority"><h2 id="need-priority">${t('need.priority')}</h2>${priorityExplanation(need.priorityExplanation)}</section>
          ${history(need)}
        </div>
        <div>
          ${triageForm(need)}
          ${statusForm(need)}
        </div>
      </div>
      ${duplicateReview(need, markedDuplicate)}
      ${assignPanel({ kind: 'AID_REQUEST', id: need.id, title: need.title, open: ['TRIAGED', 'ASSIGNED', 'IN_PROGRESS'].includes(need.status) })}` : nothing}
  </div>`;
}
