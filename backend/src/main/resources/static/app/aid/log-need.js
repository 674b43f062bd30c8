// "Log a need": every field of LogAidRequestInput, checked on the phone with the API's bounds
// (need-rules.js), saved to the outbox, sent when there is a connection.
import { enumValues, label, localized, t } from '../core/i18n.js';
import { field, html, nothing, update } from '../core/view.js';
import { GROUPS, checkNeed, draftOf } from './need-rules.js';
import { discard, saveNeed } from './outbox.js';

let draft = {};
let errors = {};
let notice = null;
let locating = null;
// The refused outbox item being fixed: replaced by the corrected need when it is saved.
let fixing = null;

const FIELD_PATHS = ['communityPcode', 'sector', 'title', 'description', 'quantity', 'unit',
  'peopleAffected.total', ...GROUPS.map((group) => `peopleAffected.${group}`), 'peopleAffected.withDisability',
  'urgency', 'location.latitude', 'location.longitude', 'contact.name', 'contact.phone', 'neededBy'];

/** Puts each error next to its field; one about a group of fields goes to its first field. */
function placeErrors(found) {
  const placed = {};
  const general = [];
  for (const [path, message] of Object.entries(found)) {
    // The API names a field (title), a group (peopleAffected) or a rule on a field (neededByPlausible).
    const parent = path.split('.').slice(0, -1).join('.');
    const target = FIELD_PATHS.includes(path) ? path
      : FIELD_PATHS.find((known) => path && known.startsWith(`${path}.`))
        ?? FIELD_PATHS.find((known) => path.startsWith(known))
        ?? FIELD_PATHS.find((known) => parent && known.startsWith(`${parent}.`));
    if (target) {
      placed[target] = placed[target] ? `${placed[target]} ${message}` : message;
    } else {
      general.push(message);
    }
  }
  return { placed, general };
}

export function fixRefused(item) {
  draft = draftOf(item.input);
  errors = item.errors;
  fixing = item.clientRequestId;
  notice = { kind: 'error', text: t('form.fix') };
  location.hash = '#/log';
  update();
}

export function draftIsEmpty() {
  return Object.entries(draft).every(([path, value]) => path === 'communityPcode' || !value);
}

async function submit(event) {
  event.preventDefault();
  const { errors: found, input } = checkNeed(draft);
  errors = found;
  if (Object.keys(found).length) {
    notice = { kind: 'error', text: t('form.fix') };
    update();
    requestAnimationFrame(() => document.querySelector('.field.invalid input, .field.invalid select, .field.invalid textarea')?.focus());
    return;
  }
  if (fixing) {
    await discard(fixing);
    fixing = null;
  }
  await saveNeed(input);
  draft = { communityPcode: draft.communityPcode };
  errors = {};
  notice = { kind: 'ok', text: t('form.saved') };
  update();
  requestAnimationFrame(() => document.getElementById('form-notice')?.focus());
}

function useGps() {
  if (!navigator.geolocation) {
    locating = 'failed';
    update();
    return;
  }
  locating = 'waiting';
  update();
  navigator.geolocation.getCurrentPosition((position) => {
    draft['location.latitude'] = position.coords.latitude.toFixed(6);
    draft['location.longitude'] = position.coords.longitude.toFixed(6);
    locating = null;
    update();
  }, () => {
    locating = 'failed';
    update();
  }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
}

function options(enumName) {
  return [{ value: '', label: t('form.choose') }, ...enumValues(enumName).map((value) => ({ value, label: label(enumName, value) }))];
}

export function logNeedScreen(session) {
  const communities = session.communities ?? [];
  if (!draft.communityPcode && communities.length === 1) {
    draft.communityPcode = communities[0].pcode;
  }
  const { placed, general } = placeErrors(errors);
  const at = { draft, errors: placed };
  const number = { type: 'text', attrs: { inputmode: 'numeric' } };
  const decimal = { type: 'text', attrs: { inputmode: 'decimal' } };
  return html`<h1 tabindex="-1">${t('form.title')}</h1>
    ${notice ? html`<p id="form-notice" tabindex="-1" class="notice ${notice.kind}" role="status">${notice.text}</p>` : nothing}
    ${general.length ? html`<ul class="errors">${general.map((message) => html`<li>${message}</li>`)}</ul>` : nothing}
    <form novalidate @submit=${submit} class="need-form">
      ${field({ ...at, path: 'communityPcode', label: t('form.community'), required: true,
        options: [{ value: '', label: t('form.choose') }, ...communities.map((c) => ({ value: c.pcode, label: localized(c.name) }))] })}
      ${field({ ...at, path: 'sector', label: t('form.sector'), required: true, options: options('Sector') })}
      ${field({ ...at, path: 'title', label: t('form.needTitle'), required: true, hint: t('form.needTitle.hint') })}
      ${field({ ...at, path: 'description', label: t('form.description'), type: 'textarea' })}
      <div class="row">
        ${field({ ...at, ...decimal, path: 'quantity', label: t('form.quantity') })}
        ${field({ ...at, path: 'unit', label: t('form.unit'), hint: t('form.unit.hint') })}
      </div>
      <fieldset>
        <legend>${t('form.people')}</legend>
        ${field({ ...at, ...number, path: 'peopleAffected.total', label: t('form.people.total'), required: true })}
        <div class="grid">
          ${[...GROUPS, 'withDisability'].map((group) => field({ ...at, ...number, path: `peopleAffected.${group}`, label: t(`form.people.${group}`) }))}
        </div>
      </fieldset>
      ${field({ ...at, path: 'urgency', label: t('form.urgency'), required: true, options: options('Urgency') })}
      <fieldset>
        <legend>${t('form.location')}</legend>
        <div class="row">
          ${field({ ...at, ...decimal, path: 'location.latitude', label: t('form.latitude') })}
          ${field({ ...at, ...decimal, path: 'location.longitude', label: t('form.longitude') })}
        </div>
        <button type="button" class="secondary" @click=${useGps}>${t('form.useGps')}</button>
        ${locating ? html`<p class="hint" role="status">${t(locating === 'waiting' ? 'form.gpsWaiting' : 'form.gpsFailed')}</p>` : nothing}
      </fieldset>
      <fieldset>
        <legend>${t('form.contact')}</legend>
        ${field({ ...at, path: 'contact.name', label: t('form.contact.name'), attrs: { autocomplete: 'off' } })}
        ${field({ ...at, path: 'contact.phone', label: t('form.contact.phone'), type: 'tel', attrs: { autocomplete: 'off' } })}
      </fieldset>
      ${field({ ...at, path: 'neededBy', label: t('form.neededBy'), type: 'date' })}
      <button type="submit" class="primary">${t('form.save')}</button>
    </form>`;
}
