// Assigning a task (a need, or a project milestone at #/assign/MILESTONE/<id>): a time window,
// the volunteers the API suggests for it with each match factor and its reason, and an offer to
// one of them, whose result is told in words: offered, or why not (the window overlaps another
// assignment, the volunteer is at capacity...), as the API says it.
import './console-texts.js';
import '../aid/console-texts.js';
import { NetworkError } from '../core/errors.js';
import { gql } from '../core/graphql.js';
import { formatDateTime, label, t } from '../core/i18n.js';
import { field, html, nothing, routeParameter, update } from '../core/view.js';
import { factorBars, points } from '../aid/factor-bars.js';

const SUGGEST = `query Suggest($task: TaskInput!, $window: TimeWindowInput) {
  suggestVolunteers(task: $task, window: $window, first: 10) {
    volunteer { id displayName } score factors { factor value weight contribution reason }
  }
}`;

const ASSIGN = `mutation Assign($input: AssignVolunteerInput!) { assignVolunteer(input: $input) {
  assignment { id status window { start end } } userErrors { path code message } } }`;

const MAX_WINDOW_DAYS = 14;

let state;

/** A datetime-local value (local time, minutes) for a Date. */
function localInput(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Forgets suggestions and results: another task is on display. */
export function resetAssign() {
  const start = new Date();
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 2);
  const end = new Date(start.getTime() + 3 * 3600000);
  state = { taskKey: null, draft: { start: localInput(start), end: localInput(end), description: '' }, errors: {},
    suggestions: null, problem: null, results: {}, busy: false };
}
resetAssign();

function checkedWindow() {
  const start = new Date(state.draft.start);
  const end = new Date(state.draft.end);
  const errors = {};
  if (Number.isNaN(start.getTime())) {
    errors.start = t('err.required');
  } else if (start <= new Date()) {
    errors.start = t('assign.inPast');
  }
  if (Number.isNaN(end.getTime())) {
    errors.end = t('err.required');
  } else if (!errors.start && end <= start) {
    errors.end = t('assign.endBeforeStart');
  } else if (!errors.start && end - start > MAX_WINDOW_DAYS * 86400000) {
    errors.end = t('assign.tooLong');
  }
  if ((state.draft.description ?? '').length > 2000) {
    errors.description = t('err.maxLength', { max: 2000 });
  }
  state.errors = errors;
  return Object.keys(errors).length ? null : { start: start.toISOString(), end: end.toISOString() };
}

async function suggest(event, task) {
  event.preventDefault();
  const timeWindow = checkedWindow();
  if (!timeWindow) {
    update();
    return;
  }
  Object.assign(state, { busy: true, problem: null, results: {} });
  update();
  try {
    const data = await gql(SUGGEST, { task: { kind: task.kind, id: task.id }, window: timeWindow });
    state.suggestions = data.suggestVolunteers;
    state.window = timeWindow;
  } catch (failure) {
    state.problem = failure instanceof NetworkError ? t('error.network') : t('error.api', { message: failure.message });
  }
  state.busy = false;
  update();
}

async function offer(task, suggestion) {
  const name = suggestion.volunteer.displayName;
  state.busy = true;
  update();
  try {
    const input = { task: { kind: task.kind, id: task.id }, volunteerId: suggestion.volunteer.id, window: state.window,
      description: state.draft.description.trim() || null };
    const payload = (await gql(ASSIGN, { input })).assignVolunteer;
    state.results[suggestion.volunteer.id] = payload.userErrors.length
      ? { ok: false, text: t('assign.refused', { name, message: payload.userErrors.map((error) => error.message).join(' ') }) }
      : { ok: true, text: t('assign.offered', { name, start: formatDateTime(payload.assignment.window.start),
        end: formatDateTime(payload.assignment.window.end) }) };
  } catch (failure) {
    state.results[suggestion.volunteer.id] = { ok: false,
      text: t('assign.refused', { name, message: failure instanceof NetworkError ? t('error.network') : failure.message }) };
  }
  state.busy = false;
  update();
}

function suggestionItem(task, suggestion) {
  const result = state.results[suggestion.volunteer.id];
  return html`<li class="card suggestion" data-volunteer-id=${suggestion.volunteer.id}>
    <h3>${suggestion.volunteer.displayName}</h3>
    <p class="meta">${t('assign.score', { score: points(suggestion.score) })}</p>
    ${factorBars(suggestion.factors, (factor) => label('MatchFactor', factor))}
    ${result ? html`<p class="notice ${result.ok ? 'ok' : 'error'} offer-result" role="status">${result.text}</p>` : nothing}
    ${result?.ok ? nothing : html`<button type="button" class="primary offer" ?disabled=${state.busy}
      @click=${() => offer(task, suggestion)}>${t('assign.offer', { name: suggestion.volunteer.displayName })}</button>`}
  </li>`;
}

/** task: { kind, id, title, open }: the panel on a need's page, or the milestone screen's body. */
export function assignPanel(task) {
  const key = `${task.kind}:${task.id}`;
  if (state.taskKey !== key) {
    resetAssign();
    state.taskKey = key;
  }
  return html`<section class="assign" aria-labelledby="assign-title"><h2 id="assign-title">${t('assign.title')}</h2>
    ${!task.open ? html`<p>${t('assign.taskClosed')}</p>` : html`
    <form class="assign-window" @submit=${(event) => suggest(event, task)} novalidate>
      <div class="row">
        ${field({ path: 'start', label: t('assign.start'), hint: t('assign.window.hint'), draft: state.draft, errors: state.errors, type: 'datetime-local', key: 'assign', required: true })}
        ${field({ path: 'end', label: t('assign.end'), draft: state.draft, errors: state.errors, type: 'datetime-local', key: 'assign', required: true })}
      </div>
      ${field({ path: 'description', label: t('assign.description'), draft: state.draft, errors: state.errors, type: 'textarea', key: 'assign' })}
      <button type="submit" class="primary" ?disabled=${state.busy}>${t('assign.suggest')}</button>
    </form>
    ${state.problem ? html`<p class="notice error" role="alert">${state.problem}</p>` : nothing}
    ${state.suggestions?.length === 0 ? html`<p>${t('assign.none')}</p>` : nothing}
    ${state.suggestions?.length ? html`<ol class="cards suggestions">${state.suggestions.map((suggestion) => suggestionItem(task, suggestion))}</ol>` : nothing}`}
  </section>`;
}

/** #/assign/MILESTONE/<id>: a milestone's staffing, linked from its project. */
export async function load() {
  update();
}

export function render() {
  const [kind, id] = routeParameter().split('/');
  return html`<div class="console">
    <h1 tabindex="-1">${t('assign.milestone')}</h1>
    ${kind === 'MILESTONE' && id ? assignPanel({ kind, id, title: id, open: true }) : html`<p class="notice error">${t('assign.missingTask')}</p>`}
  </div>`;
}
