// "My assignments": offered tasks (accept, or decline with a reason, before the deadline),
// accepted ones (check in), in progress (complete with hours and a note). The checks are the
// API's (AssignmentService): a reason of 1 to 500 characters, hours more than 0 and at most 24
// per started day of the window, a note of at most 2,000 characters.
import { NetworkError } from '../core/errors.js';
import { errorsByField, gql } from '../core/graphql.js';
import { formatDateTime, formatNumber, label, t } from '../core/i18n.js';
import { field, html, nothing, update } from '../core/view.js';

const FIELDS = 'id status task { kind id title } window { start end } offerDeadline checkInDeadline description hoursWorked';

const MY_ASSIGNMENTS = `query MyAssignments { myAssignments(first: 50) { edges { node { ${FIELDS} } } } }`;

const RESPOND = `mutation Respond($input: RespondToAssignmentInput!) {
  respondToAssignment(input: $input) { assignment { ${FIELDS} } userErrors { path code message } } }`;
const CHECK_IN = `mutation CheckIn($input: CheckInInput!) {
  checkIn(input: $input) { assignment { ${FIELDS} } userErrors { path code message } } }`;
const COMPLETE = `mutation Complete($input: CompleteAssignmentInput!) {
  completeAssignment(input: $input) { assignment { ${FIELDS} } userErrors { path code message } } }`;

const ACTIVE = ['OFFERED', 'ACCEPTED', 'IN_PROGRESS'];

const screen = { assignments: null, problem: null, open: {}, drafts: {}, errors: {} };

export async function loadMyAssignments() {
  screen.problem = null;
  try {
    const data = await gql(MY_ASSIGNMENTS);
    screen.assignments = data.myAssignments.edges.map((edge) => edge.node);
  } catch (failure) {
    screen.problem = failure instanceof NetworkError ? t('assignments.offline') : t('error.api', { message: failure.message });
  }
  update();
}

function draftOf(id) {
  screen.drafts[id] ??= {};
  return screen.drafts[id];
}

function maxHours(assignment) {
  const hours = Math.floor((new Date(assignment.window.end) - new Date(assignment.window.start)) / 3600000);
  return 24 * Math.max(1, Math.floor((hours + 23) / 24));
}

function check(assignment, action) {
  const draft = draftOf(assignment.id);
  const errors = {};
  if (action === 'decline') {
    const reason = (draft.reason ?? '').trim();
    if (!reason) {
      errors.reason = t('err.required');
    } else if (reason.length > 500) {
      errors.reason = t('err.maxLength', { max: 500 });
    }
  }
  if (action === 'complete') {
    const hours = Number(String(draft.hoursWorked ?? '').replace(',', '.'));
    if (!draft.hoursWorked || !Number.isFinite(hours)) {
      errors.hoursWorked = t('err.number');
    } else if (!(hours > 0) || hours > maxHours(assignment)) {
      errors.hoursWorked = t('err.range', { min: 0, max: maxHours(assignment) });
    }
    if ((draft.note ?? '').length > 2000) {
      errors.note = t('err.maxLength', { max: 2000 });
    }
  }
  return errors;
}

async function act(assignment, action) {
  const errors = check(assignment, action);
  screen.errors[assignment.id] = errors;
  if (Object.keys(errors).length) {
    update();
    return;
  }
  const draft = draftOf(assignment.id);
  // Built for the chosen action only: the others' fields may be empty.
  const [query, input, name] = {
    accept: () => [RESPOND, { id: assignment.id, accept: true }, 'respondToAssignment'],
    decline: () => [RESPOND, { id: assignment.id, accept: false, reason: draft.reason.trim() }, 'respondToAssignment'],
    checkIn: () => [CHECK_IN, { id: assignment.id }, 'checkIn'],
    complete: () => [COMPLETE, { id: assignment.id, hoursWorked: Number(String(draft.hoursWorked).replace(',', '.')),
      note: draft.note?.trim() || null }, 'completeAssignment'],
  }[action]();
  try {
    const payload = (await gql(query, { input }))[name];
    if (payload.userErrors.length) {
      screen.errors[assignment.id] = errorsByField(payload.userErrors);
    } else {
      screen.assignments = screen.assignments.map((a) => (a.id === assignment.id ? payload.assignment : a));
      delete screen.open[assignment.id];
      delete screen.drafts[assignment.id];
    }
  } catch (failure) {
    screen.errors[assignment.id] = { '': failure instanceof NetworkError ? t('error.network') : t('error.api', { message: failure.message }) };
  }
  update();
}

function toggle(id, form) {
  screen.open[id] = screen.open[id] === form ? undefined : form;
  update();
}

function actions(assignment) {
  const errors = screen.errors[assignment.id] ?? {};
  const draft = draftOf(assignment.id);
  const open = screen.open[assignment.id];
  return html`
    ${errors[''] ? html`<p class="notice error" role="status">${errors['']}</p>` : nothing}
    ${errors.id ? html`<p class="notice error" role="status">${errors.id}</p>` : nothing}
    ${assignment.status === 'OFFERED' ? html`<div class="actions">
        <button type="button" class="primary" @click=${() => act(assignment, 'accept')}>${t('assignments.accept')}</button>
        <button type="button" class="secondary" aria-expanded=${open === 'decline' ? 'true' : 'false'}
          @click=${() => toggle(assignment.id, 'decline')}>${t('assignments.decline')}</button></div>
      ${open === 'decline' ? html`<div class="subform">
        ${field({ key: assignment.id, path: 'reason', label: t('assignments.declineReason'), type: 'textarea', required: true, draft, errors })}
        <button type="button" class="primary" @click=${() => act(assignment, 'decline')}>${t('assignments.confirmDecline')}</button></div>` : nothing}` : nothing}
    ${assignment.status === 'ACCEPTED' ? html`<div class="actions">
        <button type="button" class="primary" @click=${() => act(assignment, 'checkIn')}>${t('assignments.checkIn')}</button></div>` : nothing}
    ${assignment.status === 'IN_PROGRESS' ? html`<div class="actions">
        <button type="button" class="primary" aria-expanded=${open === 'complete' ? 'true' : 'false'}
          @click=${() => toggle(assignment.id, 'complete')}>${t('assignments.complete')}</button></div>
      ${open === 'complete' ? html`<div class="subform">
        ${field({ key: assignment.id, path: 'hoursWorked', label: t('assignments.hours'), required: true, draft, errors, attrs: { inputmode: 'decimal' } })}
        ${field({ key: assignment.id, path: 'note', label: t('assignments.note'), type: 'textarea', draft, errors })}
        <button type="button" class="primary" @click=${() => act(assignment, 'complete')}>${t('assignments.confirmComplete')}</button></div>` : nothing}` : nothing}`;
}

function card(assignment) {
  return html`<li class="card assignment" data-assignment-id=${assignment.id} data-status=${assignment.status}>
    <h3>${assignment.task.title ?? label('TaskKind', assignment.task.kind)}</h3>
    <p><span class="badge">${label('AssignmentStatus', assignment.status)}</span> <span class="meta">${label('TaskKind', assignment.task.kind)}</span></p>
    <p class="meta">${t('assignments.window', { start: formatDateTime(assignment.window.start), end: formatDateTime(assignment.window.end) })}</p>
    ${assignment.description ? html`<p>${assignment.description}</p>` : nothing}
    ${assignment.status === 'OFFERED' ? html`<p class="deadline">${t('assignments.answerBy', { when: formatDateTime(assignment.offerDeadline) })}</p>` : nothing}
    ${assignment.status === 'ACCEPTED' ? html`<p class="deadline">${t('assignments.checkInBy', { when: formatDateTime(assignment.checkInDeadline) })}</p>` : nothing}
    ${assignment.hoursWorked != null ? html`<p class="meta">${t('assignments.hoursWorked', { hours: formatNumber(assignment.hoursWorked) })}</p>` : nothing}
    ${actions(assignment)}
  </li>`;
}

export function myAssignmentsScreen() {
  const all = screen.assignments ?? [];
  const active = all.filter((a) => ACTIVE.includes(a.status));
  const past = all.filter((a) => !ACTIVE.includes(a.status));
  return html`<h1 tabindex="-1">${t('assignments.title')}</h1>
    ${screen.problem ? html`<p class="notice error" role="status">${screen.problem}</p>` : nothing}
    ${screen.assignments === null && !screen.problem ? html`<p>${t('app.loading')}</p>` : nothing}
    ${screen.assignments?.length === 0 ? html`<p>${t('assignments.empty')}</p>` : nothing}
    <ul class="cards">${active.map(card)}</ul>
    ${past.length ? html`<h2>${t('assignments.past')}</h2><ul class="cards past">${past.map(card)}</ul>` : nothing}`;
}
