// The field app's shell: sign-in state, the header (who, communities, connection, language),
// navigation, and the screen of the route. Screens live in the folder of their backend feature.
import { claims, completeSignIn, onAuthChange, signIn, signOut, signedIn } from './core/auth.js';
import { loadConfig } from './core/config.js';
import { addTexts, currentLanguage, localized, setLanguage, t } from './core/i18n.js';
import { getMeta, setMeta } from './core/store.js';
import { html, mount, nothing, route, update } from './core/view.js';
import { communityNames } from './community/communities.js';
import { draftIsEmpty, logNeedScreen } from './aid/log-need.js';
import { loadMyNeeds, myNeedsScreen } from './aid/my-needs.js';
import { connectionBack, drain, loadOutbox, onOutboxChange, outbox } from './aid/outbox.js';
import { outboxScreen } from './aid/outbox-screen.js';
import { loadMyAssignments, myAssignmentsScreen } from './assignment/my-assignments.js';

const app = {
  phase: 'loading',
  session: null,
  online: navigator.onLine,
  problem: null,
  confirmSignOut: false,
};

/**
 * A screen whose module (exporting load and render) is imported when it is first opened, so the
 * coordinators' screens add nothing to the volunteers' first load.
 */
function lazyScreen(title, roles, importModule) {
  let module = null;
  let failed = false;
  return {
    title,
    roles,
    render: () => (module ? module.render()
      : html`<p class=${failed ? 'notice error' : ''}>${failed ? t('error.network') : t('app.loading')}</p>`),
    load: async () => {
      try {
        module ??= await importModule();
        failed = false;
      } catch (failure) {
        failed = true;
        update();
        return;
      }
      update();
      await module.load();
    },
  };
}

const COORDINATORS = ['coordinator', 'admin'];

// The console's links are in the navigation before its modules load; their other texts come with them.
addTexts({
  en: { 'nav.queue': 'Triage queue', 'nav.map': 'Map of needs', 'nav.board': 'Assignments board' },
  uk: { 'nav.queue': 'Черга сортування', 'nav.map': 'Мапа потреб', 'nav.board': 'Дошка завдань' },
});

// A screen may name the realm roles that see it (roles); without roles every signed-in user does.
const SCREENS = {
  log: { title: 'nav.log', render: () => logNeedScreen(app.session) },
  outbox: { title: 'nav.outbox', render: outboxScreen },
  needs: { title: 'nav.needs', render: myNeedsScreen, load: loadMyNeeds },
  assignments: { title: 'nav.assignments', render: myAssignmentsScreen, load: loadMyAssignments },
  queue: lazyScreen('nav.queue', COORDINATORS, () => import('./aid/triage-queue.js')),
  need: { ...lazyScreen('need.title', COORDINATORS, () => import('./aid/need-page.js')), hidden: true },
  map: lazyScreen('nav.map', COORDINATORS, () => import('./map/needs-map.js')),
  board: lazyScreen('nav.board', COORDINATORS, () => import('./assignment/board.js')),
  assign: { ...lazyScreen('assign.title', COORDINATORS, () => import('./assignment/assign.js')), hidden: true },
};

/** Who is signed in, from the token, with the names of their communities. */
async function sessionFromToken() {
  const token = claims();
  const pcodes = token.communities ?? [];
  let communities;
  try {
    communities = await communityNames(pcodes);
  } catch (failure) {
    communities = pcodes.map((pcode) => ({ pcode, name: { uk: pcode, en: pcode } }));
  }
  return { username: token.preferred_username, name: token.name ?? token.preferred_username, communities,
    roles: token.realm_access?.roles ?? [] };
}

/** True when Keycloak answers, so that a redirect to it cannot strand the app on an error page. */
async function realmReachable() {
  try {
    const { issuer } = await loadConfig();
    await fetch(`${issuer}/.well-known/openid-configuration`, { mode: 'no-cors', cache: 'no-store' });
    return true;
  } catch (failure) {
    return false;
  }
}

/** Back online with needs to send but no token (the page was reloaded): sign in silently. */
async function resumeSession() {
  const waiting = outbox.items.some((item) => item.state === 'pending');
  if (!signedIn() && app.session && waiting && draftIsEmpty() && await realmReachable()) {
    await signIn({ silent: true, locale: currentLanguage() });
  }
}

async function boot() {
  let outcome = 'none';
  try {
    outcome = await completeSignIn();
  } catch (failure) {
    app.problem = t('app.signInFailed');
  }
  if (outcome === 'signed-in') {
    app.session = await sessionFromToken();
    await setMeta('session', app.session);
  } else {
    app.session = (await getMeta('session')) ?? null;
  }
  await loadOutbox();
  if (!signedIn() && app.session && outcome !== 'refused' && navigator.onLine && await realmReachable()) {
    await signIn({ silent: true, locale: currentLanguage() });
    return;
  }
  app.phase = app.session ? 'ready' : 'signedOut';
  update();
  // User Timing marks, read by the benchmark: when the first usable screen is on display.
  requestAnimationFrame(() => performance.mark(app.phase === 'ready' ? 'hromada:form-usable' : 'hromada:sign-in-usable'));
  if (signedIn()) {
    drain();
    allowedScreens()[route()]?.load?.();
  }
}

function onRoute() {
  if (app.phase === 'ready' && signedIn()) {
    allowedScreens()[route()]?.load?.();
  }
}

function chooseLanguage(event) {
  setLanguage(event.target.value);
  update();
}

async function requestSignOut() {
  if (outbox.items.length && !app.confirmSignOut) {
    app.confirmSignOut = true;
    update();
    return;
  }
  app.confirmSignOut = false;
  await signOut();
  app.session = null;
  app.phase = 'signedOut';
  await loadOutbox();
  update();
}

function header() {
  const session = app.session;
  return html`<header class="top">
    <div class="brand"><img src="icon.svg" alt="" width="28" height="28"><span>${t('app.name')}</span></div>
    <p class="connection ${app.online ? 'online' : 'offline'}" role="status">${app.online ? t('app.online') : t('app.offline')}</p>
    <div class="language">
      <label for="language">${t('app.language')}</label>
      <select id="language" name="language" @change=${chooseLanguage}>
        <option value="uk" ?selected=${currentLanguage() === 'uk'}>Українська</option>
        <option value="en" ?selected=${currentLanguage() === 'en'}>English</option>
      </select>
    </div>
    ${session ? html`<div class="who">
      <p class="name">${t('app.signedInAs', { name: session.name })}</p>
      <p class="meta">${t('app.communities', { list: session.communities.map((c) => localized(c.name)).join(', ') })}</p>
      <button type="button" class="secondary" id="sign-out" @click=${requestSignOut}>${t('app.signOut')}</button>
      ${app.confirmSignOut ? html`<div class="notice error" role="alert">
        <p>${t('app.signOutWarning', { count: outbox.items.length })}</p>
        <button type="button" class="danger" @click=${requestSignOut}>${t('app.signOutDiscard')}</button>
        <button type="button" class="secondary" @click=${() => { app.confirmSignOut = false; update(); }}>${t('app.signOutCancel')}</button>
      </div>` : nothing}
    </div>` : nothing}
  </header>`;
}

/** The screens the signed-in user's roles allow, by route name. */
function allowedScreens() {
  const roles = claims()?.realm_access?.roles ?? app.session?.roles ?? [];
  return Object.fromEntries(Object.entries(SCREENS)
    .filter(([, screen]) => !screen.roles || screen.roles.some((role) => roles.includes(role))));
}

function navigation() {
  const current = route();
  return html`<nav aria-label=${t('nav.label')}><ul>
    ${Object.entries(allowedScreens()).filter(([, screen]) => !screen.hidden).map(([name, screen]) => html`<li><a href=${`#/${name}`}
      aria-current=${current === name ? 'page' : nothing}>${t(screen.title, { count: outbox.items.length })}</a></li>`)}
  </ul></nav>`;
}

function signedOutScreen() {
  return html`<main id="main">
    <h1 tabindex="-1">${t('app.name')}</h1>
    <p>${t('app.tagline')}</p>
    ${app.problem ? html`<p class="notice error" role="status">${app.problem}</p>` : nothing}
    ${app.online ? html`<button type="button" class="primary" id="sign-in"
        @click=${() => signIn({ locale: currentLanguage() })}>${t('app.signIn')}</button>`
      : html`<p class="notice">${t('app.notSignedInOffline')}</p>`}
  </main>`;
}

function renderApp() {
  document.title = t('app.name');
  if (app.phase === 'loading') {
    return html`<main id="main"><p>${t('app.loading')}</p></main>`;
  }
  if (app.phase === 'signedOut') {
    return html`${header()}${signedOutScreen()}`;
  }
  const screen = allowedScreens()[route()] ?? SCREENS.log;
  return html`${header()}${navigation()}
    <main id="main">
      ${!signedIn() && app.online ? html`<p class="notice">${t('app.signInAgain')}
        <button type="button" class="secondary" @click=${() => signIn({ locale: currentLanguage() })}>${t('app.signIn')}</button></p>` : nothing}
      ${screen.render()}
    </main>`;
}

window.addEventListener('online', () => {
  app.online = true;
  update();
  if (signedIn()) {
    connectionBack();
    onRoute();
  } else {
    resumeSession();
  }
});
window.addEventListener('offline', () => {
  app.online = false;
  update();
});
window.addEventListener('hashchange', onRoute);
onOutboxChange(update);
onAuthChange(update);

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('sw.js', { scope: '/app/' }).then(async () => {
    // The service worker keeps what this page loaded: the app shell and the WebJars it uses.
    const registration = await navigator.serviceWorker.ready;
    const urls = [location.pathname, ...performance.getEntriesByType('resource').map((entry) => entry.name)];
    registration.active?.postMessage({ type: 'keep', urls });
  }).catch(() => {});
}

mount(document.getElementById('app'), renderApp);
boot();
