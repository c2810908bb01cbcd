using System.Security.Cryptography;
using ConciergeBot.Demo;
using ConciergeBot.Hosting;
using Microsoft.Extensions.Options;

namespace ConciergeBot.WebChat;

public static class WebChatEndpoints
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>The page's options (section <c>WebChat</c>), checked at start.</summary>
    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatOptions>()
            .Bind(configuration.GetSection(WebChatOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>();
        services.AddSingleton(sp => WebChatBranding.From(
            sp.GetRequiredService<IOptions<WebChatOptions>>().Value,
            sp.GetRequiredService<IOptions<BusinessOptions>>().Value));
        services.AddSingleton<WebChatAssets>();
        return services;
    }

    /// <summary><c>/</c> (the chat page), its files under <c>/webchat/</c>, and <c>/embed.js</c> for other websites.</summary>
    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        app.ServiceProvider.GetRequiredService<WebChatAssets>().ReportMissingFiles();
        var group = app.MapGroup("").ExcludeFromDescription();
        group.MapMethods("/", GetOrHead, Page).WithName("WebChatPage");
        group.MapMethods("/embed.js", GetOrHead, Embed).WithName("WebChatEmbedScript");
        app.MapBuiltAssets("/webchat", WebChatAssets.Folder, WebChatAssets.Served);
        return app;
    }

    private static IResult Page(HttpContext context, WebChatBranding branding, string? embed)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        PageHeaders.Apply(context.Response, ContentSecurityPolicy.ForPage(nonce, branding.AllowedOrigins));
        return TypedResults.Content(WebChatPage.Render(branding, nonce, embed == "1"), "text/html; charset=utf-8");
    }

    private static IResult Embed(HttpContext context, WebChatAssets assets)
    {
        var script = assets.Embed;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Loaded by other websites' pages, which may require their subresources to opt in to that.
        headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        headers.CacheControl = "public, max-age=300";
        headers.ETag = script.ETag;
        if (context.Request.Headers.IfNoneMatch == script.ETag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Text(script.Text, "text/javascript; charset=utf-8");
    }
}
