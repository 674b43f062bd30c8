// The bounds of LogAidRequestInput, the same as the API's (AidRequestFields, PeopleAffected,
// Contact, AidRequestInputs): a need the app saves is one the API takes, so an offline need is
// not refused hours later for something the volunteer could have fixed on the spot.
import { t } from '../core/i18n.js';

export const BOUNDS = {
  title: 200,
  description: 4000,
  unit: 50,
  contactName: 200,
  quantityMax: 1_000_000_000,
  peopleMax: 10_000_000,
};

// No control or invisible formatting characters (they could spoof what others see); a
// description may have line breaks and tabs.
const CONTROL = /[\p{Cc}\p{Cf}]/u;
const CONTROL_EXCEPT_BREAKS = /[^\P{Cc}\n\r\t]|\p{Cf}/u;
const PHONE = /^\+?[0-9 ()-]{5,25}$/;

export const GROUPS = ['girls', 'boys', 'women', 'men', 'olderWomen', 'olderMen'];

const blank = (value) => value === undefined || value === null || String(value).trim() === '';

function text(draft, path, errors, { max, required = false, breaks = false }) {
  const value = draft[path] ?? '';
  if (blank(value)) {
    if (required) {
      errors[path] = t('err.required');
    }
    return undefined;
  }
  if (value.length > max) {
    errors[path] = t('err.maxLength', { max });
  } else if ((breaks ? CONTROL_EXCEPT_BREAKS : CONTROL).test(value)) {
    errors[path] = t('err.plain');
  }
  return required ? value.trim() : value;
}

function number(draft, path, errors, { min, max, whole = false, required = false }) {
  const value = draft[path];
  if (blank(value)) {
    if (required) {
      errors[path] = t('err.required');
    }
    return undefined;
  }
  const parsed = Number(String(value).replace(',', '.'));
  if (!Number.isFinite(parsed)) {
    errors[path] = t('err.number');
  } else if (whole && !Number.isInteger(parsed)) {
    errors[path] = t('err.wholeNumber');
  } else if (parsed < min || parsed > max) {
    errors[path] = t('err.range', { min, max: max.toLocaleString('en-GB') });
  }
  return parsed;
}

/**
 * Checks a draft (field path -> typed text) and builds the LogAidRequestInput from it.
 * Returns { errors: {path: message}, input } where input is complete only without errors.
 */
export function checkNeed(draft) {
  const errors = {};
  for (const path of ['communityPcode', 'sector', 'urgency']) {
    if (blank(draft[path])) {
      errors[path] = t('err.required');
    }
  }
  const input = {
    communityPcode: draft.communityPcode,
    sector: draft.sector,
    title: text(draft, 'title', errors, { max: BOUNDS.title, required: true }),
    description: text(draft, 'description', errors, { max: BOUNDS.description, breaks: true }),
    quantity: number(draft, 'quantity', errors, { min: 0, max: BOUNDS.quantityMax }),
    unit: text(draft, 'unit', errors, { max: BOUNDS.unit }),
    urgency: draft.urgency,
  };
  const people = {
    total: number(draft, 'peopleAffected.total', errors, { min: 0, max: BOUNDS.peopleMax, whole: true, required: true }),
  };
  for (const group of [...GROUPS, 'withDisability']) {
    people[group] = number(draft, `peopleAffected.${group}`, errors, { min: 0, max: BOUNDS.peopleMax, whole: true });
  }
  const sum = GROUPS.reduce((total, group) => total + (people[group] ?? 0), 0);
  if (people.total !== undefined && !errors['peopleAffected.total']) {
    if (sum > people.total) {
      errors['peopleAffected.total'] = t('err.groupsOverTotal', { sum, total: people.total });
    }
    if ((people.withDisability ?? 0) > people.total && !errors['peopleAffected.withDisability']) {
      errors['peopleAffected.withDisability'] = t('err.disabilityOverTotal', { total: people.total });
    }
  }
  input.peopleAffected = withoutEmpty(people);

  const latitude = number(draft, 'location.latitude', errors, { min: -90, max: 90 });
  const longitude = number(draft, 'location.longitude', errors, { min: -180, max: 180 });
  if ((latitude === undefined) !== (longitude === undefined)) {
    errors[latitude === undefined ? 'location.latitude' : 'location.longitude'] = t('err.bothCoordinates');
  } else if (latitude !== undefined) {
    input.location = { latitude, longitude };
  }

  const contactName = text(draft, 'contact.name', errors, { max: BOUNDS.contactName });
  const phone = blank(draft['contact.phone']) ? undefined : draft['contact.phone'].trim();
  if (phone !== undefined && !PHONE.test(phone)) {
    errors['contact.phone'] = t('err.phone');
  }
  if (contactName !== undefined || phone !== undefined) {
    input.contact = withoutEmpty({ name: contactName, phone });
  }

  if (!blank(draft.neededBy)) {
    const date = new Date(`${draft.neededBy}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 2000 || date.getUTCFullYear() >= 2100) {
      errors.neededBy = t('err.date');
    } else {
      input.neededBy = date.toISOString();
    }
  }
  return { errors, input: withoutEmpty(input) };
}

function withoutEmpty(object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== ''));
}

/** The draft of a saved input, to fix a refused need in the form. */
export function draftOf(input) {
  const draft = {};
  const flatten = (object, prefix) => {
    for (const [key, value] of Object.entries(object)) {
      if (value !== null && typeof value === 'object') {
        flatten(value, `${prefix}${key}.`);
      } else {
        draft[`${prefix}${key}`] = String(value);
      }
    }
  };
  flatten(input, '');
  if (input.neededBy) {
    draft.neededBy = input.neededBy.slice(0, 10);
  }
  delete draft.clientRequestId;
  return draft;
}
