// The glue between state and screen: lit-html renders the whole app again after any change
// (it touches only what differs), and a screen is a function of the state returning a template.
import { html, nothing, render } from 'lit-html';
import { live } from 'lit-html/directives/live.js';

export { html, nothing, live };

let root;
let view;
let scheduled = false;

export function mount(element, renderApp) {
  // lit-html adds to what is there: the placeholder shown while the modules load goes first.
  element.replaceChildren();
  root = element;
  view = renderApp;
  update();
}

/** Renders again at the next frame, once however many changes come before it. */
export function update() {
  if (!scheduled && root) {
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      render(view(), root);
    });
  }
}

/** The current route: the first part of the URL after #/, such as 'log', 'needs', 'assignments'. */
export function route() {
  return location.hash.replace(/^#\/?/, '').split('/')[0] || 'log';
}

/** What the URL names after the route, such as the id in #/need/<id>; '' when nothing. */
export function routeParameter() {
  return decodeURIComponent(location.hash.replace(/^#\/?/, '').split('/').slice(1).join('/'));
}

window.addEventListener('hashchange', () => {
  update();
  document.querySelector('main h1')?.focus();
});

let counter = 0;

/** An id for a label's for= and an input's id, unique in the page. */
export function uniqueId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * A labelled input bound to draft[path], with its hint and its error next to it, linked by
 * aria-describedby so that a screen reader reads them with the field.
 */
export function field({ path, label, draft, errors, type = 'text', hint, required = false, options, attrs = {}, key }) {
  const id = `f-${key ? `${key}-` : ''}${path.replace(/\./g, '-')}`;
  const error = errors?.[path];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const onInput = (event) => { draft[path] = event.target.value; };
  let control;
  if (options) {
    control = html`<select id=${id} name=${path} ?required=${required} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing} .value=${live(draft[path] ?? '')} @change=${onInput}>
      ${options.map((option) => html`<option value=${option.value} ?selected=${(draft[path] ?? '') === option.value}>${option.label}</option>`)}
    </select>`;
  } else if (type === 'textarea') {
    control = html`<textarea id=${id} name=${path} rows="4" aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing} .value=${live(draft[path] ?? '')} @input=${onInput}></textarea>`;
  } else {
    control = html`<input id=${id} name=${path} type=${type} ?required=${required}
        inputmode=${attrs.inputmode ?? nothing} step=${attrs.step ?? nothing} autocomplete=${attrs.autocomplete ?? 'off'}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy || nothing}
        .value=${live(draft[path] ?? '')} @input=${onInput}>`;
  }
  return html`<div class="field ${error ? 'invalid' : ''}" data-path=${path}>
    <label for=${id}>${label}${required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
    ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
    ${control}
    ${error ? html`<p class="error" id=${`${id}-error`}>${error}</p>` : nothing}
  </div>`;
}
