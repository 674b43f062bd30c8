// The coordinators' triage queue: the needs of their communities, highest priority first,
// filtered by community, sector, status, urgency and words. Each row shows its priority (with
// the factors behind it as bars, on demand), how long it has waited and how many people it
// concerns. The list follows aidRequestChanged, so a need logged elsewhere appears by itself.
import './console-texts.js';
import { NetworkError } from '../core/errors.js';
import { gql } from '../core/graphql.js';
import { currentLanguage, enumValues, formatNumber, label, localized, t } from '../core/i18n.js';
import { subscribe } from '../core/live.js';
import { field, html, nothing, update } from '../core/view.js';
import { myCommunities } from './my-communities.js';
import { priorityExplanation } from './priority-explanation.js';
import { debounced, follower, liveNotice } from './live-follow.js';

const PAGE_SIZE = 50;

const OPEN = ['NEW', 'TRIAGED', 'ASSIGNED', 'IN_PROGRESS'];

const QUEUE = `query TriageQueue($filter: AidRequestFilter, $first: Int!, $after: String) {
  aidRequests(filter: $filter, orderBy: PRIORITY, first: $first, after: $after) {
    edges { node {
      id title sector status urgency priority createdAt
      community { pcode name { uk en } }
      peopleAffected { total }
      priorityExplanation { computed score factors { factor value weight contribution } override { priority reason } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

// Only that something changed matters here: the list is read again with its filters and order.
const CHANGED = 'subscription QueueChanged { aidRequestChanged { id } }';

const screen = {
  needs: null,
  pageInfo: null,
  problem: null,
  communities: [],
  filter: { community: '', sector: '', status: '', urgency: '', text: '' },
  errors: {},
};

function apiFilter() {
  const { community, sector, status, urgency, text } = screen.filter;
  const filter = { statuses: status ? [status] : OPEN };
  if (community) {
    filter.communities = [community];
  }
  if (sector) {
    filter.sectors = [sector];
  }
  if (urgency) {
    filter.urgencies = [urgency];
  }
  if (text.trim()) {
    filter.text = text.trim();
  }
  return filter;
}

async function read(after) {
  const data = await gql(QUEUE, { filter: apiFilter(), first: PAGE_SIZE, after });
  return { needs: data.aidRequests.edges.map((edge) => edge.node), pageInfo: data.aidRequests.pageInfo };
}

let latest = 0;

async function reload() {
  // Only the latest read shows: an older one (other filters) may answer after it.
  latest += 1;
  const mine = latest;
  try {
    const page = await read(null);
    if (mine !== latest) {
      return;
    }
    screen.problem = null;
    screen.needs = page.needs;
    screen.pageInfo = page.pageInfo;
  } catch (failure) {
    if (mine === latest) {
      screen.problem = failure instanceof NetworkError ? t('error.network') : t('error.api', { message: failure.message });
    }
  }
  update();
}

async function more() {
  try {
    const page = await read(screen.pageInfo.endCursor);
    const shown = new Set(screen.needs.map((need) => need.id));
    screen.needs = [...screen.needs, ...page.needs.filter((need) => !shown.has(need.id))];
    screen.pageInfo = page.pageInfo;
  } catch (failure) {
    screen.problem = t('error.api', { message: failure.message });
  }
  update();
}

const live = follower('queue', reload);
const reloadSoon = debounced(reload);

export async function load() {
  screen.communities = await myCommunities();
  live.follow('all', () => subscribe(CHANGED, {}, reloadSoon));
  await reload();
}

function applyFilters(event) {
  event.preventDefault();
  const text = screen.filter.text.trim();
  screen.errors = text.length > 200 ? { text: t('err.maxLength', { max: 200 }) } : {};
  if (!screen.errors.text) {
    reload();
  }
  update();
}

function choose(event) {
  screen.filter[event.target.name] = event.target.value;
  reload();
}

function enumOptions(enumName, anyLabel) {
  return [{ value: '', label: anyLabel }, ...enumValues(enumName).map((value) => ({ value, label: label(enumName, value) }))];
}

function filters() {
  const communityOptions = [{ value: '', label: t('queue.allMine') },
    ...screen.communities.map((community) => ({ value: community.pcode, label: localized(community.name) }))];
  const selects = [
    ['community', t('queue.community'), communityOptions],
    ['sector', t('queue.sector'), enumOptions('Sector', t('queue.any'))],
    ['status', t('queue.status'), enumOptions('AidRequestStatus', t('queue.openOnes'))],
    ['urgency', t('queue.urgency'), enumOptions('Urgency', t('queue.any'))],
  ];
  return html`<form class="queue-filters" role="search" aria-label=${t('queue.filters')} @submit=${applyFilters} @change=${(event) => event.target.tagName === 'SELECT' && choose(event)}>
    ${selects.map(([path, text, options]) => field({ path, label: text, draft: screen.filter, options, key: 'queue' }))}
    ${field({ path: 'text', label: t('queue.text'), draft: screen.filter, errors: screen.errors, type: 'search', key: 'queue' })}
    <button type="submit" class="primary">${t('queue.apply')}</button>
  </form>`;
}

/** How long a need has waited, in its largest whole unit: "45 min", "3 hr", "2 days". */
export function age(iso) {
  const minutes = Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 60000));
  const [value, unit] = minutes < 60 ? [minutes, 'minute'] : minutes < 1440 ? [Math.floor(minutes / 60), 'hour'] : [Math.floor(minutes / 1440), 'day'];
  return new Intl.NumberFormat(currentLanguage() === 'uk' ? 'uk-UA' : 'en-GB', { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

function row(need) {
  return html`<tr data-need-id=${need.id}>
    <td class="priority-cell"><span class="badge priority-${need.priority.toLowerCase()}">${label('Priority', need.priority)}</span>
      <details class="why">
        <summary>${t('queue.why')}<span class="visually-hidden"> ${t('queue.whyOf', { title: need.title })}</span></summary>
        ${priorityExplanation(need.priorityExplanation)}
      </details></td>
    <td><a href=${`#/need/${encodeURIComponent(need.id)}`}>${need.title}</a>
      <p class="meta">${label('Sector', need.sector)} · ${localized(need.community.name)} · ${label('AidRequestStatus', need.status)} · ${label('Urgency', need.urgency)}</p></td>
    <td class="age" title=${need.createdAt}>${age(need.createdAt)}</td>
    <td class="number">${need.peopleAffected.total === null ? '<5' : formatNumber(need.peopleAffected.total)}</td>
  </tr>`;
}

export function render() {
  return html`<div class="console">
    <h1 tabindex="-1">${t('queue.title')}</h1>
    ${liveNotice()}
    ${filters()}
    ${screen.problem ? html`<p class="notice error" role="alert">${screen.problem}</p>` : nothing}
    ${screen.needs === null && !screen.problem ? html`<p>${t('app.loading')}</p>` : nothing}
    ${screen.needs?.length === 0 ? html`<p>${t('queue.empty')}</p>` : nothing}
    ${screen.needs?.length ? html`<p class="meta" id="queue-count">${t('queue.count', { count: screen.needs.length })}</p>
      <table class="queue" aria-describedby="queue-count">
        <thead><tr><th scope="col">${t('queue.priority')}</th><th scope="col">${t('queue.need')}</th>
          <th scope="col">${t('queue.age')}</th><th scope="col" class="number">${t('queue.people')}</th></tr></thead>
        <tbody>${screen.needs.map(row)}</tbody>
      </table>
      ${screen.pageInfo?.hasNextPage ? html`<button type="button" class="secondary" @click=${more}>${t('queue.more')}</button>` : nothing}` : nothing}
  </div>`;
}
