using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace ConciergeBot.WebChat;

/// <summary>
/// The HTML of <c>/</c>. Every configured value goes through an encoder for the place it lands in
/// (element text, attribute, a JSON block), so no setting can add markup or script to the page.
/// </summary>
internal static class WebChatPage
{
    /// <summary>Where the page's script asks for a Direct Line token; served by the Direct Line channel.</summary>
    public const string TokenPath = "/webchat/token";

    public const string DirectLinePath = "/v3/directline";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    // The default encoders escape < > & ' " even with every range allowed, so "</script>" cannot close the JSON block.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Render(WebChatBranding branding, string nonce, bool embedded)
    {
        var english = branding.DefaultLanguage == "en";
        var settings = JsonSerializer.Serialize(
            new PageSettings(branding.Title, branding.PrimaryColor, branding.OnPrimaryColor, branding.DefaultLocale, TokenPath, DirectLinePath),
            Json);
        var logo = branding.LogoUrl is null
            ? ""
            : $"""<img class="chat-logo" src="{Html.Encode(branding.LogoUrl)}" alt="" width="32" height="32">""";
        var chatLabel = english ? $"Chat with {branding.Title}" : $"Chat dengan {branding.Title}";
        var noScript = english ? "Please turn on JavaScript to chat with us." : "Aktifkan JavaScript untuk chat dengan kami.";

        // The colours passed WebChatOptions' pattern (#rrggbb), so they are safe inside <style> as they are.
        return $$"""
            <!DOCTYPE html>
            <html lang="{{Html.Encode(branding.DefaultLanguage)}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
            <meta name="theme-color" content="{{Html.Encode(branding.PrimaryColor)}}">
            <title>{{Html.Encode(branding.Title)}}</title>
            <link rel="icon" href="{{Html.Encode(branding.LogoUrl ?? "data:,")}}">
            <link rel="stylesheet" href="/webchat/page.css">
            <style nonce="{{nonce}}">:root { --brand: {{branding.PrimaryColor}}; --on-brand: {{branding.OnPrimaryColor}}; }</style>
            <script id="webchat-settings" type="application/json">{{settings}}</script>
            <script src="/webchat/webchat.js" defer></script>
            <script src="/webchat/page.js" nonce="{{nonce}}" defer></script>
            </head>
            <body class="{{(embedded ? "embedded" : "standalone")}}">
            <div class="chat">
            <header class="chat-header">{{logo}}<h1 class="chat-title">{{Html.Encode(branding.Title)}}</h1></header>
            <div id="webchat-status" class="chat-status" role="alert" hidden></div>
            <main id="webchat" class="chat-body" aria-label="{{Html.Encode(chatLabel)}}"></main>
            <noscript><p class="chat-noscript">{{noScript}}</p></noscript>
            </div>
            </body>
            </html>

            """;
    }

    private sealed record PageSettings(string Title, string PrimaryColor, string OnPrimaryColor, string DefaultLocale, string TokenUrl, string DirectLinePath);
}
