using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ConciergeBot.Agents;

/// <summary>
/// The HTML of the console's two pages. The only value in them is the business's name, encoded for
/// where it lands; whatever else they show, their scripts put in as text.
/// </summary>
internal static class AgentConsoleHtml
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Assets = AgentConsolePages.AssetsPath;

    public static string Login(string business) => Head($"Sign in · {business} agent console", $"""<script type="module" src="{Assets}/login.js"></script>""") + $$"""
        <body class="signin">
        <main class="signin-card">
        <h1>{{Html.Encode(business)}}</h1>
        <p class="muted">Agent console</p>
        <form id="signin" method="post" novalidate>
        <label for="username">User name</label>
        <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus>
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <p id="signin-error" class="error" role="alert" hidden></p>
        <button type="submit" class="primary">Sign in</button>
        </form>
        <noscript><p class="error">The console needs JavaScript.</p></noscript>
        </main>
        </body>
        </html>

        """;

    // SignalR's bundle is a classic script that the console's module finds on window (both are deferred, in this order).
    public static string Console(string business) => Head($"{business} agent console", $"""
        <script src="{Assets}/signalr.min.js" defer></script>
        <script type="module" src="{Assets}/console.js"></script>
        """) + $$"""
        <body class="console">
        <header class="bar">
        <h1 class="bar-title">{{Html.Encode(business)}} <span class="muted">agent console</span></h1>
        <span id="connection" class="connection" data-state="connecting" role="status">Connecting…</span>
        <span id="me" class="me"></span>
        <button id="presence" type="button" class="presence" data-presence="away" aria-pressed="false" title="Only available agents are offered conversations">Away</button>
        <button id="show-desk" type="button" hidden>Desk overview</button>
        <button id="sign-out" type="button">Sign out</button>
        </header>
        <div id="flash" class="flash" role="alert" hidden><span id="flash-text"></span> <button id="flash-close" type="button" aria-label="Dismiss">×</button></div>
        <div class="layout">
        <nav class="side" aria-label="Conversations">
        <section aria-labelledby="queue-title">
        <h2 id="queue-title">Waiting <span id="queue-count" class="count">0</span></h2>
        <ul id="queue" class="cases"></ul>
        <p id="queue-empty" class="empty">No one is waiting.</p>
        </section>
        <section aria-labelledby="mine-title">
        <h2 id="mine-title">My conversations <span id="mine-count" class="count">0</span></h2>
        <ul id="mine" class="cases"></ul>
        <p id="mine-empty" class="empty">You have no open conversations.</p>
        </section>
        </nav>
        <main id="main" class="main">
        <section id="welcome" class="welcome">
        <h2>Pick a conversation</h2>
        <p class="muted">Waiting conversations appear on the left as customers ask for a person. Claim one to answer it.</p>
        <p class="muted">Keys: <kbd>↑</kbd> <kbd>↓</kbd> move in a list, <kbd>Enter</kbd> sends a reply, <kbd>Shift</kbd>+<kbd>Enter</kbd> starts a new line, <kbd>Alt</kbd>+<kbd>C</kbd> claims, <kbd>Esc</kbd> closes a dialog.</p>
        </section>
        <section id="case" class="case" aria-labelledby="case-title" hidden>
        <header class="case-head">
        <div class="case-who">
        <h2 id="case-title"></h2>
        <p id="case-meta" class="meta"></p>
        </div>
        <div class="case-actions">
        <button id="claim" type="button" class="primary">Claim</button>
        <button id="transfer" type="button">Transfer…</button>
        <button id="resolve" type="button">Resolve…</button>
        <button id="hand-back" type="button">Hand back to the bot</button>
        </div>
        </header>
        <p id="case-holder" class="holder" hidden></p>
        <details class="summary" open>
        <summary>The bot's summary</summary>
        <p id="case-summary"></p>
        </details>
        <details id="case-tickets" class="tickets" open hidden>
        <summary>Problem reports</summary>
        <ul id="ticket-list" class="ticket-list"></ul>
        </details>
        <ol id="transcript" class="transcript" aria-label="Transcript" aria-live="polite"></ol>
        <form id="composer" class="composer" method="post" hidden>
        <div class="composer-modes" role="radiogroup" aria-label="Send as">
        <label><input type="radio" name="mode" value="reply" checked> Reply to the customer</label>
        <label><input type="radio" name="mode" value="note"> Internal note</label>
        </div>
        <div class="composer-row">
        <textarea id="composer-text" rows="3" aria-label="Message" placeholder="Write to the customer… (Enter sends, Shift+Enter for a new line)"></textarea>
        <button id="composer-send" type="submit" class="primary">Send</button>
        </div>
        </form>
        </section>
        <section id="desk" class="desk" aria-labelledby="desk-title" hidden>
        <h2 id="desk-title">Desk overview</h2>
        <dl id="desk-figures" class="figures"></dl>
        <h3>Agents</h3>
        <table class="grid"><thead><tr><th scope="col">Agent</th><th scope="col">Presence</th><th scope="col">Conversations</th></tr></thead><tbody id="desk-agents"></tbody></table>
        <h3>Waiting</h3>
        <table class="grid"><thead><tr><th scope="col">Customer</th><th scope="col">Team</th><th scope="col">Reason</th><th scope="col">Priority</th><th scope="col">Waiting</th></tr></thead><tbody id="desk-queue"></tbody></table>
        </section>
        </main>
        </div>
        <dialog id="transfer-dialog" aria-labelledby="transfer-title">
        <form id="transfer-form" method="post">
        <h2 id="transfer-title">Transfer the conversation</h2>
        <label for="transfer-agent">To an agent</label>
        <select id="transfer-agent"><option value="">—</option></select>
        <label for="transfer-team">or to a team's queue</label>
        <input id="transfer-team" list="transfer-teams" autocomplete="off" spellcheck="false">
        <datalist id="transfer-teams"></datalist>
        <p id="transfer-error" class="error" role="alert" hidden></p>
        <div class="dialog-actions"><button type="button" data-close>Cancel</button> <button type="submit" class="primary">Transfer</button></div>
        </form>
        </dialog>
        <dialog id="resolve-dialog" aria-labelledby="resolve-title">
        <form id="resolve-form" method="post">
        <h2 id="resolve-title">Resolve the conversation</h2>
        <label for="resolve-outcome">Outcome (optional)</label>
        <input id="resolve-outcome" list="resolve-outcomes" autocomplete="off">
        <datalist id="resolve-outcomes"><option value="Answered"><option value="Rescheduled"><option value="Cancelled"><option value="Complaint handled"><option value="Not reachable"></datalist>
        <p id="resolve-error" class="error" role="alert" hidden></p>
        <div class="dialog-actions"><button type="button" data-close>Cancel</button> <button type="submit" class="primary">Resolve</button></div>
        </form>
        </dialog>
        </body>
        </html>

        """;

    private static string Head(string title, string scripts) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{{Html.Encode(title)}}</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="{{Assets}}/console.css">
        {{scripts}}
        </head>

        """;
}
