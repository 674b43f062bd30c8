// Every text the app shows, in Ukrainian and English. The language is the one chosen in the app,
// else the browser's first of the two; enum values are shown by their labels (enum.Sector.WASH).
import en from './i18n-en.js';
import uk from './i18n-uk.js';

const DICTIONARIES = { en, uk };

const CHOSEN = 'hromada.language';

let language = localStorage.getItem(CHOSEN)
  ?? ((navigator.languages ?? [navigator.language]).map((tag) => tag.slice(0, 2))
    .find((code) => code in DICTIONARIES) ?? 'en');

export function currentLanguage() {
  return language;
}

export function setLanguage(code) {
  language = code;
  localStorage.setItem(CHOSEN, code);
  document.documentElement.lang = code;
}

/**
 * Adds a feature's own texts ({ en: {...}, uk: {...} }), so that each feature folder keeps the
 * texts of its screens beside them instead of every screen growing the two shared dictionaries.
 */
export function addTexts(texts) {
  for (const [code, entries] of Object.entries(texts)) {
    Object.assign(DICTIONARIES[code], entries);
  }
}

/** The text of a key, with {name} placeholders filled; the English one if a translation lacks it. */
export function t(key, params = {}) {
  const text = DICTIONARIES[language][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** The label of an enum value. */
export function label(enumName, value) {
  return t(`enum.${enumName}.${value}`);
}

/** The values of an enum, in the order the dictionary lists them. */
export function enumValues(enumName) {
  const prefix = `enum.${enumName}.`;
  return Object.keys(en).filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
}

/** A LocalizedText {uk, en} in the current language. */
export function localized(text) {
  return text ? (text[language] ?? text.en) : '';
}

export function formatDateTime(iso) {
  return new Intl.DateTimeFormat(language === 'uk' ? 'uk-UA' : 'en-GB',
    { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatNumber(value) {
  return new Intl.NumberFormat(language === 'uk' ? 'uk-UA' : 'en-GB').format(value);
}

document.documentElement.lang = language;
