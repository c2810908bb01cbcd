using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ConciergeBot.Hosting;

namespace ConciergeBot.WebChat;

/// <summary>
/// The files the build puts in <c>wwwroot/webchat</c> of the output folder: Web Chat's bundle from npm,
/// the page's script and style, and the embed script's template.
/// </summary>
internal sealed partial class WebChatAssets(WebChatBranding branding, ILogger<WebChatAssets> logger)
{
    public const string Bundle = "webchat.js";

    /// <summary>The only files served under <c>/webchat/</c>, with their content types.</summary>
    public static readonly IReadOnlyDictionary<string, string> Served = new Dictionary<string, string>
    {
        [Bundle] = "text/javascript; charset=utf-8",
        ["webchat.js.LICENSE.txt"] = "text/plain; charset=utf-8",
        ["page.js"] = "text/javascript; charset=utf-8",
        ["page.css"] = "text/css; charset=utf-8",
    };

    private const string SettingsPlaceholder = "__CONCIERGE_EMBED_SETTINGS__";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly Lazy<EmbedScript> _embed = new(() => BuildEmbed(branding));

    public static string Folder { get; } = BuiltAssets.Folder("webchat");

    public static string PathOf(string file) => Path.Combine(Folder, file);

    /// <summary><c>/embed.js</c> with this host's branding in it; built once, since options do not change while running.</summary>
    public EmbedScript Embed => _embed.Value;

    /// <summary>Says so at start when the build could not bring Web Chat in, rather than serving a page that stays blank.</summary>
    public void ReportMissingFiles()
    {
        foreach (var file in BuiltAssets.Missing(Folder, Served.Keys.Append("embed.js")))
        {
            LogMissing(file, Folder);
        }
    }

    private static EmbedScript BuildEmbed(WebChatBranding branding)
    {
        var template = File.ReadAllText(PathOf("embed.js"));
        var settings = JsonSerializer.Serialize(new EmbedSettings(branding.Title, branding.PrimaryColor, branding.OnPrimaryColor, branding.DefaultLanguage), Json);
        var text = template.Replace(SettingsPlaceholder, settings, StringComparison.Ordinal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        return new EmbedScript(text, $"\"{hash}\"");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Web chat file {File} is missing from {Folder}: the build copies it there (Web Chat's bundle needs npm at build time)")]
    private partial void LogMissing(string file, string folder);

    private sealed record EmbedSettings(string Title, string PrimaryColor, string OnPrimaryColor, string DefaultLanguage);
}

internal sealed record EmbedScript(string Text, string ETag);
