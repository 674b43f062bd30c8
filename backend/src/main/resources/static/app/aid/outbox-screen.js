// The outbox on screen: what waits to be sent, what was refused (fix or discard) and what became
// of each sent need.
import { label, formatDateTime, t } from '../core/i18n.js';
import { html, nothing } from '../core/view.js';
import { fixRefused } from './log-need.js';
import { clearSent, discard, drain, outbox } from './outbox.js';

function failureText(failure) {
  if (!failure) {
    return nothing;
  }
  const text = failure.kind === 'network' ? t('outbox.sendFailed')
    : failure.kind === 'signin' ? t('app.signInAgain') : t('error.api', { message: failure.message });
  return html`<p class="notice error" role="status">${text}</p>`;
}

export function outboxScreen() {
  const pending = outbox.items.filter((item) => item.state === 'pending');
  const refused = outbox.items.filter((item) => item.state === 'refused');
  return html`<h1 tabindex="-1">${t('outbox.title')}</h1>
    ${failureText(outbox.failure)}
    ${outbox.items.length === 0 ? html`<p>${t('outbox.empty')}</p>` : nothing}
    ${pending.length ? html`<h2>${t('outbox.pending')}</h2>
      <ul class="cards">${pending.map((item) => html`<li class="card outbox-item pending" data-client-request-id=${item.clientRequestId}>
        <h3>${item.input.title}</h3><p class="meta">${label('Sector', item.input.sector)} · ${formatDateTime(item.savedAt)}</p>
        <p class="badge">${t('outbox.pending')}</p></li>`)}</ul>
      <button type="button" class="primary" ?disabled=${outbox.sending} @click=${() => drain()}>
        ${outbox.sending ? t('outbox.sending') : t('outbox.sendNow')}</button>` : nothing}
    ${refused.length ? html`<h2>${t('outbox.refused')}</h2>
      <ul class="cards">${refused.map((item) => html`<li class="card outbox-item refused" data-client-request-id=${item.clientRequestId}>
        <h3>${item.input.title}</h3>
        <p class="badge error">${t('outbox.refused')}</p>
        <ul class="errors">${Object.values(item.errors).map((message) => html`<li>${message}</li>`)}</ul>
        <div class="actions">
          <button type="button" class="primary" @click=${() => fixRefused(item)}>${t('outbox.edit')}</button>
          <button type="button" class="secondary" @click=${() => discard(item.clientRequestId)}>${t('outbox.discard')}</button>
        </div></li>`)}</ul>` : nothing}
    ${outbox.sent.length ? html`<h2>${t('outbox.results')}</h2>
      <ul class="cards">${outbox.sent.map((item) => html`<li class="card outbox-item sent ${item.result}" data-client-request-id=${item.clientRequestId}>
        <h3>${item.title}</h3><p class="badge ok">${t(`outbox.${item.result}`)}</p>
        <p class="meta">${formatDateTime(item.sentAt)}</p></li>`)}</ul>
      <button type="button" class="secondary" @click=${() => clearSent()}>${t('outbox.clearResults')}</button>` : nothing}`;
}
