// Duplicate review on a need's page: each possible duplicate the API flagged, side by side with
// the need, the fields that differ marked (in words as well as colour), and "mark as duplicate of".
import './console-texts.js';
import { NetworkError } from '../core/errors.js';
import { gql } from '../core/graphql.js';
import { formatDateTime, label, localized, t } from '../core/i18n.js';
import { html, nothing, update } from '../core/view.js';

// The API flags at most a few; the page compares the first ones, one fixed query each, sent
// together (a document built per need could not be checked against the limits beforehand).
const MAX_SHOWN = 5;

const CANDIDATE_FIELDS = `id version title description sector status urgency neededBy createdAt
  community { pcode name { uk en } } peopleAffected { total } location { latitude longitude } contact { name phone }`;

const CANDIDATE = `query Candidate($id: ID!) { aidRequest(id: $id) { ${CANDIDATE_FIELDS} } }`;

const MARK = `mutation MarkDuplicate($input: MarkDuplicateInput!) { markDuplicate(input: $input) {
  aidRequest { id } userErrors { path code message } } }`;

const review = { forIds: null, candidates: [], problem: null, notes: {}, errors: {}, saving: false };

/** Reads the flagged candidates of the need, once per set of ids. */
export async function loadDuplicates(need) {
  const ids = (need.possibleDuplicateIds ?? []).slice(0, MAX_SHOWN);
  const key = `${need.id}:${ids.join(',')}`;
  if (review.forIds === key) {
    return;
  }
  Object.assign(review, { forIds: key, candidates: [], problem: null, errors: {} });
  if (ids.length === 0) {
    return;
  }
  try {
    const found = await Promise.all(ids.map((id) => gql(CANDIDATE, { id })));
    if (review.forIds === key) {
      review.candidates = found.map((data) => data.aidRequest).filter(Boolean);
    }
  } catch (failure) {
    review.problem = failure instanceof NetworkError ? t('error.network') : t('error.api', { message: failure.message });
  }
  update();
}

const text = (value) => (value === null || value === undefined || value === '' ? t('need.none') : String(value));

/** The compared fields, each as the words a coordinator reads. */
function comparable(need) {
  return [
    [t('need.community'), localized(need.community.name)],
    [t('need.sector'), label('Sector', need.sector)],
    [t('need.status'), label('AidRequestStatus', need.status)],
    [t('need.urgency'), label('Urgency', need.urgency)],
    [t('need.people'), text(need.peopleAffected.total)],
    [t('need.description'), text(need.description)],
    [t('need.location'), need.location ? `${need.location.latitude}, ${need.location.longitude}` : t('need.none')],
    [t('need.contact'), need.contact ? text([need.contact.name, need.contact.phone].filter(Boolean).join(', ')) : t('need.none')],
    [t('need.neededBy'), need.neededBy ? formatDateTime(need.neededBy) : t('need.none')],
    [t('need.logged'), formatDateTime(need.createdAt)],
  ];
}

async function mark(need, candidate, onMarked) {
  const note = (review.notes[candidate.id] ?? '').trim();
  if (note.length > 500) {
    review.errors[candidate.id] = t('err.maxLength', { max: 500 });
    update();
    return;
  }
  review.saving = true;
  review.errors[candidate.id] = null;
  update();
  try {
    const payload = (await gql(MARK, { input: { id: need.id, version: need.version, duplicateOf: candidate.id, note: note || null } }))
      .markDuplicate;
    if (payload.userErrors.length) {
      review.errors[candidate.id] = payload.userErrors.map((error) => error.message).join(' ');
    } else {
      onMarked(t('dup.marked', { title: candidate.title }));
    }
  } catch (failure) {
    review.errors[candidate.id] = failure instanceof NetworkError ? t('error.network') : t('error.api', { message: failure.message });
  }
  review.saving = false;
  update();
}

function comparison(need, candidate, index, onMarked) {
  const mine = comparable(need);
  const theirs = comparable(candidate);
  const markable = ['NEW', 'TRIAGED'].includes(need.status);
  const noteId = `dup-note-${index}`;
  return html`<div class="duplicate" data-candidate-id=${candidate.id}>
    <table class="compare">
      <caption>${t('dup.compare', { title: candidate.title })}
        <a href=${`#/need/${encodeURIComponent(candidate.id)}`}>${t('dup.open')}<span class="visually-hidden"> ${candidate.title}</span></a></caption>
      <thead><tr><th scope="col">${t('dup.field')}</th><th scope="col">${t('dup.this')}: ${need.title}</th>
        <th scope="col">${t('dup.other')}: ${candidate.title}</th></tr></thead>
      <tbody>${mine.map(([name, value], row) => {
        const differs = value !== theirs[row][1];
        return html`<tr class=${differs ? 'differs' : ''}>
          <th scope="row">${name}${differs ? html` <span class="differs-mark">≠ ${t('dup.differs')}</span>` : nothing}</th>
          <td>${value}</td><td>${theirs[row][1]}</td></tr>`;
      })}</tbody>
    </table>
    ${markable ? html`<div class="field">
        <label for=${noteId}>${t('dup.note')}</label>
        <textarea id=${noteId} name="duplicateNote" rows="2" .value=${review.notes[candidate.id] ?? ''}
          @input=${(event) => { review.notes[candidate.id] = event.target.value; }}></textarea>
      </div>
      ${review.errors[candidate.id] ? html`<p class="notice error" role="alert">${review.errors[candidate.id]}</p>` : nothing}
      <button type="button" class="danger mark-duplicate" ?disabled=${review.saving}
        @click=${() => mark(need, candidate, onMarked)}>${t('dup.mark', { title: candidate.title })}</button>`
      : html`<p class="meta">${t('dup.notMarkable')}</p>`}
  </div>`;
}

/** The section of the need's page; onMarked(notice) is told once the need is marked. */
export function duplicateReview(need, onMarked) {
  return html`<section class="duplicates" aria-labelledby="need-duplicates"><h2 id="need-duplicates">${t('dup.title')}</h2>
    ${review.problem ? html`<p class="notice error" role="alert">${review.problem}</p>` : nothing}
    ${(need.possibleDuplicateIds ?? []).length === 0 ? html`<p>${t('dup.none')}</p>` : nothing}
    ${review.candidates.map((candidate, index) => comparison(need, candidate, index, onMarked))}
  </section>`;
}
