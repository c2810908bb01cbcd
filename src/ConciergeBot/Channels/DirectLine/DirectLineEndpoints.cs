using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ConciergeBot.Channels.DirectLine;

/// <summary>
/// Direct Line 3.0 at <c>/v3/directline</c>, as the public documentation and Web Chat's own client
/// (botframework-directlinejs) use it. A token reaches only its own conversation; the secret reaches
/// every one. A poll never answers 5xx (one 5xx stops Web Chat's polling for good): a passing fault
/// answers "nothing new".
/// </summary>
public static partial class DirectLineEndpoints
{
    public const string CorsPolicy = "DirectLine";
    private const int MaxActivityBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v3/directline").WithTags("Direct Line").RequireCors(CorsPolicy).ExcludeFromDescription();
        api.MapPost("/tokens/generate", GenerateToken);
        api.MapPost("/tokens/refresh", RefreshToken);
        api.MapPost("/conversations", StartConversationAsync);
        api.MapGet("/conversations/{conversationId}", ResumeConversationAsync);
        api.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        api.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        api.MapPost("/conversations/{conversationId}/upload", DirectLineUploads.UploadAsync);
        api.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        api.MapGet("/attachments/{conversationId}/{file}", DirectLineUploads.Download);

        // The page on our own site gets a token without ever seeing the secret.
        app.MapPost("/webchat/token", PageToken).RequireRateLimiting(DirectLineServiceCollectionExtensions.TokenRateLimit).ExcludeFromDescription();
        return app;
    }

    private static Results<Ok<DirectLineToken>, UnauthorizedHttpResult> GenerateToken(HttpContext http, DirectLineTokens tokens)
    {
        if (!DirectLineCaller.From(http, tokens).HasSecret)
        {
            return TypedResults.Unauthorized();
        }

        // The conversation begins when the client starts it with this token (201 then, 200 after).
        var conversationId = NewConversationId();
        return TypedResults.Ok(new DirectLineToken(conversationId, tokens.Issue(conversationId), Seconds(tokens)));
    }

    private static Ok<DirectLineToken> PageToken(DirectLineTokens tokens)
    {
        var conversationId = NewConversationId();
        return TypedResults.Ok(new DirectLineToken(conversationId, tokens.Issue(conversationId), Seconds(tokens)));
    }

    private static Results<Ok<DirectLineToken>, ForbidHttpResult, UnauthorizedHttpResult> RefreshToken(HttpContext http, DirectLineTokens tokens)
    {
        var caller = DirectLineCaller.From(http, tokens);
        if (caller.Grant is not { } grant)
        {
            // The secret needs no refresh; anything else is not a token of ours.
            return caller.HasSecret ? TypedResults.Forbid() : TypedResults.Unauthorized();
        }

        return TypedResults.Ok(new DirectLineToken(grant.ConversationId, tokens.Issue(grant.ConversationId), Seconds(tokens)));
    }

    private static async Task<IResult> StartConversationAsync(HttpContext http, DirectLineTokens tokens, DirectLineTranscript transcript, CancellationToken cancellationToken)
    {
        var caller = DirectLineCaller.From(http, tokens);
        if (!caller.IsAuthenticated)
        {
            return TypedResults.Unauthorized();
        }

        var conversationId = caller.Grant?.ConversationId ?? NewConversationId();
        var created = await transcript.StartAsync(conversationId, await UserIdAsync(http), cancellationToken);
        var answer = Conversation(http, tokens, conversationId);
        return created ? TypedResults.Created((string?)null, answer) : TypedResults.Ok(answer);
    }

    private static async Task<IResult> ResumeConversationAsync(string conversationId, HttpContext http, DirectLineTokens tokens, DirectLineTranscript transcript, CancellationToken cancellationToken)
    {
        if (Refuse(http, tokens, conversationId) is { } refused)
        {
            return refused;
        }

        return await transcript.ExistsAsync(conversationId, cancellationToken)
            ? TypedResults.Ok(Conversation(http, tokens, conversationId))
            : TypedResults.NotFound();
    }

    private static async Task<IResult> PostActivityAsync(
        string conversationId, HttpContext http, DirectLineTokens tokens, DirectLineTranscript transcript, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (Refuse(http, tokens, conversationId) is { } refused)
        {
            return refused;
        }

        var activity = await ReadActivityAsync(http, loggers.CreateLogger(typeof(DirectLineEndpoints)), cancellationToken);
        if (activity is null)
        {
            return TypedResults.BadRequest(new { error = "The body must be one activity (JSON) with a type, at most 256 KB." });
        }

        if (!await transcript.ExistsAsync(conversationId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        activity.From ??= new ChannelAccount(UserFallback(conversationId));
        return TypedResults.Ok(new PostedActivity(await transcript.PostAsync(conversationId, InboundNormalizer.Normalize(activity), cancellationToken)));
    }

    private static async Task<IResult> GetActivitiesAsync(
        string conversationId, string? watermark, HttpContext http, DirectLineTokens tokens, DirectLineTranscript transcript, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (Refuse(http, tokens, conversationId) is { } refused)
        {
            return refused;
        }

        var after = Watermark(watermark);
        try
        {
            if (!await transcript.ExistsAsync(conversationId, cancellationToken))
            {
                return TypedResults.NotFound();
            }

            var (json, _, _) = await transcript.ReadAfterAsync(conversationId, after, cancellationToken);
            return TypedResults.Text(json, "application/json");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Web Chat stops polling for good after one 5xx; "nothing new" lets it try again in a second.
            LogPollFailed(loggers.CreateLogger(typeof(DirectLineEndpoints)), ex, conversationId);
            return TypedResults.Text($"{{\"activities\":[],\"watermark\":\"{after.ToString(CultureInfo.InvariantCulture)}\"}}", "application/json");
        }
    }

    private static async Task StreamAsync(
        string conversationId, string? watermark, string? t, HttpContext http, DirectLineTokens tokens, DirectLineTranscript transcript, DirectLineSignals signals, ILoggerFactory loggers)
    {
        var caller = DirectLineCaller.From(http, tokens, t);
        if (!caller.IsAuthenticated || !caller.May(conversationId))
        {
            http.Response.StatusCode = caller.IsAuthenticated ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest || !await transcript.ExistsAsync(conversationId, http.RequestAborted))
        {
            http.Response.StatusCode = http.WebSockets.IsWebSocketRequest ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        await DirectLineStream.RunAsync(socket, conversationId, Watermark(watermark), transcript, signals, loggers.CreateLogger(typeof(DirectLineStream)), http.RequestAborted);
    }

    /// <summary>401 without credentials, 403 for a token of another conversation (Web Chat reads 403 as "token expired").</summary>
    internal static IResult? Refuse(HttpContext http, DirectLineTokens tokens, string conversationId)
    {
        var caller = DirectLineCaller.From(http, tokens);
        return !caller.IsAuthenticated ? TypedResults.Unauthorized()
            : !caller.May(conversationId) ? TypedResults.StatusCode(StatusCodes.Status403Forbidden)
            : null;
    }

    internal static string UserFallback(string conversationId) => "user-" + conversationId[..Math.Min(8, conversationId.Length)];

    private static DirectLineConversation Conversation(HttpContext http, DirectLineTokens tokens, string conversationId)
    {
        var token = tokens.Issue(conversationId);
        var scheme = http.Request.IsHttps ? "wss" : "ws";
        var stream = $"{scheme}://{http.Request.Host}{http.Request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?watermark=-&t={Uri.EscapeDataString(token)}";
        return new DirectLineConversation(conversationId, token, Seconds(tokens), stream);
    }

    private static async Task<Activity?> ReadActivityAsync(HttpContext http, ILogger logger, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxActivityBytes)
        {
            return null;
        }

        try
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, cancellationToken);
            if (body.Length is 0 or > MaxActivityBytes)
            {
                return null;
            }

            var activity = ActivityJson.Deserialize(body.GetBuffer().AsSpan(0, (int)body.Length));
            return string.IsNullOrWhiteSpace(activity?.Type) ? null : activity;
        }
        catch (JsonException ex)
        {
            LogMalformed(logger, ex.Message);
            return null;
        }
    }

    private static async Task<string?> UserIdAsync(HttpContext http)
    {
        if (http.Request.ContentLength is null or 0 || http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        try
        {
            var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            return body?["user"]?["id"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Empty, missing, "-" or unreadable: from the start.</summary>
    private static long Watermark(string? value) => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string NewConversationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    private static int Seconds(DirectLineTokens tokens) => (int)tokens.Lifetime.TotalSeconds;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Direct Line poll of {ConversationId} failed; answered \"nothing new\"")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Direct Line activity that is not valid JSON: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string reason);
}
