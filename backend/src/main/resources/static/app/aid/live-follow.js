// The coordinators' screens follow changes over graphql-ws while they are on display: one
// subscription per screen, ended when the user leaves it, and a notice saying whether live
// updates are on, or lost and being reconnected (with the wait before the next try).
import { t } from '../core/i18n.js';
import { liveState, onLiveChange } from '../core/live.js';
import { html, route, update } from '../core/view.js';

onLiveChange(update);

/**
 * A subscription kept while the route is routeName. follow(key, start) starts one (start returns
 * its end function) unless the one for key runs already; catchUp runs after a reconnection,
 * since what happened while the socket was down is not replayed.
 */
export function follower(routeName, catchUp) {
  let end = null;
  let following = null;
  const stop = () => {
    end?.();
    end = null;
    following = null;
  };
  window.addEventListener('hashchange', () => {
    if (route() !== routeName) {
      stop();
    }
  });
  onLiveChange((change) => {
    if (change.reconnected && end && route() === routeName) {
      catchUp();
    }
  });
  return {
    follow(key, start) {
      if (end && following === key) {
        return;
      }
      stop();
      following = key;
      end = start();
    },
    stop,
  };
}

/** Calls action once after the calls stop coming for delayMs: a burst of events, one reload. */
export function debounced(action, delayMs = 200) {
  let timer;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(action, delayMs);
  };
}

export function liveNotice() {
  const { state, retryInMs } = liveState();
  let text;
  if (state === 'connected') {
    text = t('live.connected');
  } else if (state === 'reconnecting') {
    text = retryInMs ? t('live.reconnectingIn', { seconds: Math.round(retryInMs / 1000) }) : t('live.reconnecting');
  } else {
    text = t('live.connecting');
  }
  return html`<p id="live-status" class="live-status ${state}" role="status">${text}</p>`;
}
