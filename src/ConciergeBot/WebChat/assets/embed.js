// ConciergeBot's chat button for any website: <script src="https://bot.example.com/embed.js" async></script>
// It adds a floating button that opens the chat page of the host it was loaded from in a frame.
// Styles are set through the DOM (no <style> element, no inline markup), so the website's own
// Content-Security-Policy needs nothing beyond allowing this script and framing the bot's host.
(function () {
  'use strict';

  var settings = __CONCIERGE_EMBED_SETTINGS__;
  var script = document.currentScript;
  if (!script || window.conciergeBotEmbed) {
    return;
  }

  // A page that includes the script twice still gets one button.
  window.conciergeBotEmbed = { toggle: toggle };

  var origin = new URL(script.src, location.href).origin;
  var browserLanguage = (navigator.language || '').toLowerCase();
  var language = /^en(-|$)/.test(browserLanguage) ? 'en' : /^(id|in)(-|$)/.test(browserLanguage) ? 'id' : settings.defaultLanguage;
  var texts = {
    en: { open: 'Chat with ' + settings.title, close: 'Close the chat' },
    id: { open: 'Chat dengan ' + settings.title, close: 'Tutup chat' }
  }[language];

  var svg = 'http://www.w3.org/2000/svg';
  var frameId = 'concierge-bot-frame';
  var button = document.createElement('button');
  var frame = null;
  var open = false;
  var phone = window.matchMedia('(max-width: 520px), (max-height: 520px)');

  function icon(path) {
    var image = document.createElementNS(svg, 'svg');
    var shape = document.createElementNS(svg, 'path');
    image.setAttribute('viewBox', '0 0 24 24');
    image.setAttribute('width', '28');
    image.setAttribute('height', '28');
    image.setAttribute('aria-hidden', 'true');
    image.setAttribute('focusable', 'false');
    shape.setAttribute('d', path);
    shape.setAttribute('fill', 'currentColor');
    image.appendChild(shape);
    return image;
  }

  var chatIcon = icon('M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2zm3 6v2h10V9H7zm0 4v2h7v-2H7z');
  var closeIcon = icon('M18.3 5.71 12 12.01l-6.3-6.3-1.41 1.41 6.3 6.3-6.3 6.29 1.41 1.42 6.3-6.3 6.29 6.3 1.42-1.42-6.3-6.29 6.3-6.3z');

  function place(element, styles) {
    for (var name in styles) {
      element.style.setProperty(name, styles[name]);
    }
  }

  function layout() {
    var small = phone.matches;
    place(button, {
      position: 'fixed',
      right: small && open ? '8px' : '20px',
      bottom: small && open ? 'auto' : '20px',
      top: small && open ? '4px' : 'auto',
      width: small && open ? '40px' : '60px',
      height: small && open ? '40px' : '60px',
      'border-radius': '50%',
      border: '0',
      margin: '0',
      padding: '0',
      display: 'flex',
      'align-items': 'center',
      'justify-content': 'center',
      cursor: 'pointer',
      background: small && open ? 'transparent' : settings.primaryColor,
      color: settings.onPrimaryColor,
      'box-shadow': small && open ? 'none' : '0 4px 16px rgba(0, 0, 0, 0.25)',
      'z-index': '2147483647'
    });
    if (frame) {
      place(frame, {
        position: 'fixed',
        border: '0',
        margin: '0',
        background: '#ffffff',
        display: open ? 'block' : 'none',
        right: small ? '0' : '20px',
        bottom: small ? '0' : '92px',
        width: small ? '100%' : 'min(400px, calc(100vw - 40px))',
        height: small ? '100%' : 'min(640px, calc(100vh - 112px))',
        'border-radius': small ? '0' : '12px',
        'box-shadow': small ? 'none' : '0 8px 32px rgba(0, 0, 0, 0.25)',
        'z-index': '2147483646'
      });
    }
  }

  function toggle() {
    open = !open;
    if (open && !frame) {
      // Made on the first open only, so visitors who never chat start no conversation.
      frame = document.createElement('iframe');
      frame.id = frameId;
      frame.title = settings.title;
      frame.src = origin + '/?embed=1';
      frame.setAttribute('allow', 'clipboard-write');
      document.body.appendChild(frame);
    }

    button.replaceChildren(open ? closeIcon : chatIcon);
    button.setAttribute('aria-label', open ? texts.close : texts.open);
    button.setAttribute('aria-expanded', String(open));
    layout();
    if (open) {
      frame.focus();
    }
  }

  function start() {
    button.type = 'button';
    button.className = 'concierge-bot-launcher';
    button.setAttribute('aria-controls', frameId);
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-label', texts.open);
    button.appendChild(chatIcon);
    button.addEventListener('click', toggle);
    document.addEventListener('keydown', function (event) {
      if (open && event.key === 'Escape') {
        toggle();
        button.focus();
      }
    });
    if (phone.addEventListener) {
      phone.addEventListener('change', layout);
    }

    layout();
    document.body.appendChild(button);
  }

  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
})();
