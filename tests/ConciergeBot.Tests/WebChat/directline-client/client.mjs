// A second real Direct Line client: Microsoft's botframework-directlinejs (the library inside Web Chat)
// in Node, polling. It says one thing, waits for the bot's first message, prints every activity it
// received as a JSON line on stdout and exits 0; it exits non-zero on an error or after the timeout.
//
//   node client.mjs --domain http://127.0.0.1:5000/v3/directline [--token <token>] [--text hi] [--locale en-US] [--timeout 20000]
//
// Without --token it asks the host's page endpoint (POST /webchat/token) for one, as the page does.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
// directlinejs makes its HTTP calls through rxjs' ajax, which needs XMLHttpRequest; Node 20 has none.
globalThis.XMLHttpRequest = require('xhr2');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const { values } = parseArgs({
  options: {
    domain: { type: 'string' },
    token: { type: 'string' },
    'token-url': { type: 'string' },
    text: { type: 'string', default: 'hi' },
    locale: { type: 'string', default: 'en-US' },
    timeout: { type: 'string', default: '20000' }
  }
});

function exit(code, message) {
  if (message) {
    console.error(message);
  }

  process.exit(code);
}

if (!values.domain) {
  exit(64, 'usage: node client.mjs --domain <base URL of /v3/directline> [--token <token>] [--token-url <URL>] [--text hi] [--locale en-US] [--timeout ms]');
}

const timeout = Number(values.timeout);
const timer = setTimeout(() => exit(2, `No message from the bot within ${timeout} ms.`), timeout);

let token = values.token;
if (!token) {
  const tokenUrl = values['token-url'] ?? new URL('/webchat/token', values.domain).href;
  const response = await fetch(tokenUrl, { method: 'POST' });
  if (!response.ok) {
    exit(3, `POST ${tokenUrl} answered ${response.status}.`);
  }

  token = (await response.json()).token;
}

const userId = `node-client-${process.pid}`;
const directLine = new DirectLine({
  domain: values.domain,
  token,
  webSocket: false,
  pollingInterval: 500,
  // Polling never opens a socket, but the library reads the global WebSocket, which Node 20 lacks.
  WebSocket: class NoWebSocket {
    constructor() {
      throw new Error('This client polls; it opens no WebSocket.');
    }
  }
});
let posted = false;
let done = false;

function fromBot(activity) {
  const from = activity.from ?? {};
  return from.role === 'bot' || (from.role !== 'user' && from.id !== userId);
}

directLine.activity$.subscribe({
  next: activity => {
    console.log(JSON.stringify(activity));
    if (activity.type === 'message' && fromBot(activity)) {
      // end() reports the status Ended at once: mark the run done first, so that is not a failure.
      done = true;
      clearTimeout(timer);
      directLine.end();
      exit(0);
    }
  },
  error: error => exit(4, `The activity stream failed: ${error?.message ?? error}`)
});

directLine.connectionStatus$.subscribe(status => {
  if (status === ConnectionStatus.Online && !posted) {
    posted = true;
    directLine
      .postActivity({ type: 'message', from: { id: userId, name: 'Node client', role: 'user' }, text: values.text, locale: values.locale })
      .subscribe({
        next: id => console.error(`posted ${id}`),
        error: error => exit(5, `Posting failed: ${error?.message ?? error}`)
      });
  } else if (!done && (status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.ExpiredToken || status === ConnectionStatus.Ended)) {
    exit(6, `The connection ended: status ${ConnectionStatus[status]}.`);
  }
});
