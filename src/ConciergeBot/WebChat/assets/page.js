// The chat page: gets a Direct Line token from this host, then starts Microsoft's Web Chat on it.
// Kept in its own file (no inline script) so the page can forbid every script not served by this host.
(function () {
  'use strict';

  var settings = JSON.parse(document.getElementById('webchat-settings').textContent);
  // Web Chat puts this nonce on the <style> elements it adds, which the page's style-src allows.
  var nonce = (document.currentScript && document.currentScript.nonce) || undefined;

  var texts = {
    en: {
      label: 'Chat with ',
      unavailable: 'The chat could not start. Please try again in a moment.',
      retry: 'Try again'
    },
    id: {
      label: 'Chat dengan ',
      unavailable: 'Chat belum bisa dimulai. Silakan coba lagi sebentar lagi.',
      retry: 'Coba lagi'
    }
  };

  // The bot speaks English and Indonesian; a browser in another language gets the business's default.
  function chooseLocale(browserLanguage, fallback) {
    var language = (browserLanguage || '').toLowerCase();
    if (/^en(-|$)/.test(language)) {
      return language === 'en' ? 'en-US' : browserLanguage;
    }

    // "in" is the old code for Indonesian that some systems still report.
    if (/^(id|in)(-|$)/.test(language)) {
      return 'id-ID';
    }

    return fallback;
  }

  var locale = chooseLocale(navigator.language, settings.defaultLocale);
  var language = locale.slice(0, 2) === 'en' ? 'en' : 'id';
  var webSocket = new URLSearchParams(location.search).get('transport') !== 'polling';
  var chat = document.getElementById('webchat');

  document.documentElement.lang = locale;
  chat.setAttribute('aria-label', texts[language].label + settings.title);

  function showUnavailable() {
    var status = document.getElementById('webchat-status');
    var message = document.createElement('span');
    var retry = document.createElement('button');
    message.textContent = texts[language].unavailable + ' ';
    retry.type = 'button';
    retry.textContent = texts[language].retry;
    retry.addEventListener('click', function () { location.reload(); });
    status.replaceChildren(message, retry);
    status.hidden = false;
  }

  // The token is for a new conversation; the Direct Line secret never reaches the browser.
  function fetchToken() {
    return fetch(settings.tokenUrl, { method: 'POST', credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) { return body && typeof body.token === 'string' ? body.token : null; })
      .catch(function () { return null; });
  }

  // Web Chat sends no conversationUpdate, so the page says hello for the customer, in their language.
  var store = window.WebChat.createStore({}, function (api) {
    return function (next) {
      return function (action) {
        if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
          api.dispatch({
            type: 'WEB_CHAT/SEND_EVENT',
            payload: { name: 'webchat/join', value: { language: locale } }
          });
        }

        return next(action);
      };
    };
  });

  var brand = settings.primaryColor;
  var onBrand = settings.onPrimaryColor;
  var styleOptions = {
    accent: brand,
    backgroundColor: '#ffffff',
    bubbleBorderRadius: 14,
    bubbleFromUserBackground: brand,
    bubbleFromUserBorderColor: brand,
    bubbleFromUserBorderRadius: 14,
    bubbleFromUserTextColor: onBrand,
    bubbleMaxWidth: 560,
    hideUploadButton: true,
    rootHeight: '100%',
    rootWidth: '100%',
    sendBoxButtonColor: brand,
    sendBoxButtonColorOnHover: brand,
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: brand,
    suggestedActionBorderRadius: 18,
    suggestedActionBorderWidth: 1,
    suggestedActionLayout: 'flow',
    suggestedActionTextColor: brand,
    suggestedActionBackgroundColorOnHover: brand,
    suggestedActionTextColorOnHover: onBrand,
    transcriptVisualKeyboardIndicatorColor: brand
  };

  // Without a token there is nothing to connect to. Web Chat still shows itself and says it cannot
  // connect, through this stand-in for a Direct Line connection, instead of sending requests bound to fail.
  function unavailableDirectLine() {
    function observable(values) {
      return {
        subscribe: function (observer) {
          var next = typeof observer === 'function' ? observer : observer && observer.next && observer.next.bind(observer);
          var subscription = { closed: false, unsubscribe: function () { subscription.closed = true; } };
          setTimeout(function () {
            values.forEach(function (value) {
              if (!subscription.closed && next) {
                next(value);
              }
            });
          });
          return subscription;
        }
      };
    }

    return {
      activity$: observable([]),
      // Uninitialized, Connecting, FailedToConnect: Direct Line's ConnectionStatus values.
      connectionStatus$: observable([0, 1, 4]),
      end: function () {},
      postActivity: function () {
        return {
          subscribe: function (observer) {
            setTimeout(function () {
              if (observer && typeof observer.error === 'function') {
                observer.error(new Error('Not connected.'));
              }
            });
            return { closed: false, unsubscribe: function () {} };
          }
        };
      }
    };
  }

  fetchToken().then(function (token) {
    if (!token) {
      showUnavailable();
    }

    window.WebChat.renderWebChat(
      {
        directLine: token
          ? window.WebChat.createDirectLine({ domain: location.origin + settings.directLinePath, token: token, webSocket: webSocket })
          : unavailableDirectLine(),
        store: store,
        locale: locale,
        nonce: nonce,
        styleOptions: styleOptions
      },
      chat
    );
  });
})();
