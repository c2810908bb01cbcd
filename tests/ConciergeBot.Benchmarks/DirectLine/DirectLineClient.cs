using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace ConciergeBot.Benchmarks.DirectLine;

/// <summary>
/// One web visitor, talking Direct Line 3.0 the way Web Chat does: a token from the page's
/// <c>/webchat/token</c>, <c>POST /conversations</c>, the WebSocket at <c>streamUrl</c> for
/// everything the conversation receives, and <c>POST .../activities</c> for each message.
/// </summary>
internal sealed class DirectLineClient : IAsyncDisposable
{
    /// <summary>The first bot reply must come within this time of starting the POST.</summary>
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After a reply that neither asks a question nor closes the walk, how long the turn waits for
    /// the next one before it counts as over. Only an unexpected reply ever waits this long; a
    /// normal turn ends on its question (see <see cref="SendAsync"/>).
    /// </summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(3);

    private readonly HttpClient _http;
    private readonly ClientWebSocket _socket;
    private readonly string _userId;
    private readonly string _conversationId;
    private readonly string _token;
    private readonly Channel<StreamedActivity> _arrived = Channel.CreateUnbounded<StreamedActivity>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _receiving;
    private int _messages;

    private DirectLineClient(HttpClient http, ClientWebSocket socket, string userId, string conversationId, string token)
    {
        _http = http;
        _socket = socket;
        _userId = userId;
        _conversationId = conversationId;
        _token = token;
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>Why the stream ended, if it ended while the client still wanted it.</summary>
    public string? StreamProblem { get; private set; }

    public static async Task<DirectLineClient> StartAsync(HttpClient http, string userId, CancellationToken cancellationToken)
    {
        using var issued = await http.PostAsync("/webchat/token", null, cancellationToken);
        var pageToken = (await ReadObjectAsync(issued, "POST /webchat/token", cancellationToken))["token"]!.GetValue<string>();

        using var start = Request(HttpMethod.Post, "/v3/directline/conversations", pageToken, new JsonObject { ["user"] = new JsonObject { ["id"] = userId } }.ToJsonString());
        using var started = await http.SendAsync(start, cancellationToken);
        var conversation = await ReadObjectAsync(started, "POST /v3/directline/conversations", cancellationToken);

        // Straight to the host, never through a proxy from the environment.
        var socket = new ClientWebSocket { Options = { Proxy = null } };
        try
        {
            await socket.ConnectAsync(new Uri(conversation["streamUrl"]!.GetValue<string>()), cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new DirectLineClient(http, socket, userId, conversation["conversationId"]!.GetValue<string>(), conversation["token"]!.GetValue<string>());
    }

    /// <summary>
    /// Posts <paramref name="text"/> and collects the bot's replies to it (by <c>replyToId</c>) from the
    /// stream. The turn is over at the first reply that asks a question (<c>inputHint</c>
    /// <c>expectingInput</c>: every prompt of the dialogs sets it, and a prompt is always the turn's
    /// last message), at a reply <paramref name="endsTurn"/> knows to close a conversation step that
    /// asks nothing (such as "Done! ..."), or, as a fallback, after <see cref="QuietPeriod"/> without
    /// more. Waiting for the turn's last reply keeps a late reply from being read as the answer to
    /// the next message.
    /// </summary>
    public async Task<TurnResult> SendAsync(string text, Func<StreamedActivity, bool> endsTurn, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var turn = new TurnResult(text, started, 0, 0, [], TurnFailure.None, null, 0);
        string id;
        try
        {
            id = await PostAsync(text, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidDataException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return turn.Failed(TurnFailure.Http, $"POST activities \"{text}\": {ex.Message}");
        }

        var posted = Stopwatch.GetTimestamp();
        long echoed = 0;
        var late = 0;
        var replies = new List<StreamedActivity>();
        while (true)
        {
            var wait = replies.Count == 0 ? ReplyTimeout - Stopwatch.GetElapsedTime(started) : QuietPeriod;
            var next = await NextAsync(wait, cancellationToken);
            if (next is null)
            {
                turn = turn with { Posted = posted, Echoed = echoed, Replies = replies, LateReplies = late };
                if (replies.Count > 0)
                {
                    // The walk decides whether the last reply made sense.
                    return turn;
                }

                return StreamProblem is { } closed
                    ? turn.Failed(TurnFailure.Http, $"the stream closed: {closed}")
                    : turn.Failed(TurnFailure.Timeout, $"no reply to \"{text}\" within {ReplyTimeout.TotalSeconds:0} s{(echoed == 0 ? " (not even the echo)" : "")}");
            }

            if (next.IsEcho)
            {
                echoed = next.Id == id ? next.ArrivedAt : echoed;
                continue;
            }

            if (next.ReplyToId != id)
            {
                late++;
                continue;
            }

            replies.Add(next);
            if (next.ExpectsInput || endsTurn(next))
            {
                return turn with { Posted = posted, Echoed = echoed, Replies = replies, LateReplies = late };
            }
        }
    }

    private async Task<string> PostAsync(string text, CancellationToken cancellationToken)
    {
        // What Web Chat posts for a typed message.
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["textFormat"] = "plain",
            ["channelData"] = new JsonObject { ["clientActivityID"] = $"{_userId}-{++_messages}" },
            ["channelId"] = "webchat",
            ["from"] = new JsonObject { ["id"] = _userId, ["role"] = "user" },
            ["locale"] = "en-US",
        };
        using var request = Request(HttpMethod.Post, $"/v3/directline/conversations/{_conversationId}/activities", _token, activity.ToJsonString());
        using var response = await _http.SendAsync(request, cancellationToken);
        return (await ReadObjectAsync(response, "POST activities", cancellationToken))["id"]?.GetValue<string>()
            ?? throw new InvalidDataException("The answer to POST activities has no id.");
    }

    private async Task<StreamedActivity?> NextAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (_arrived.Reader.TryRead(out var ready))
        {
            return ready;
        }

        if (wait <= TimeSpan.Zero)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            return await _arrived.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        var frame = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer.AsMemory(), _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    StreamProblem = $"the server closed it ({_socket.CloseStatus})";
                    break;
                }

                frame.Write(buffer.AsSpan(0, received.Count));
                if (!received.EndOfMessage)
                {
                    continue;
                }

                // Stamped before parsing, so the client's own JSON work is not counted as the host's latency.
                var arrivedAt = Stopwatch.GetTimestamp();
                if (frame.WrittenCount > 0)
                {
                    Parse(frame.WrittenMemory, arrivedAt);
                }

                frame.ResetWrittenCount();
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or JsonException)
        {
            StreamProblem = ex.Message;
        }
        finally
        {
            _arrived.Writer.TryComplete();
        }
    }

    /// <summary>An ActivitySet: the echoes of our own messages and the bot's messages are kept; typing is dropped.</summary>
    private void Parse(ReadOnlyMemory<byte> json, long arrivedAt)
    {
        using var set = JsonDocument.Parse(json);
        foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray())
        {
            if (String(activity, "type") != "message")
            {
                continue;
            }

            var role = activity.TryGetProperty("from", out var from) ? String(from, "role") : null;
            var actions = activity.TryGetProperty("suggestedActions", out var suggested) && suggested.TryGetProperty("actions", out var list)
                ? list.EnumerateArray().Select(a => String(a, "title") ?? String(a, "value") ?? "").ToArray()
                : [];
            _arrived.Writer.TryWrite(new StreamedActivity(
                IsEcho: role != "bot",
                String(activity, "id"),
                String(activity, "replyToId"),
                String(activity, "text"),
                String(activity, "inputHint"),
                actions,
                arrivedAt));
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static HttpRequestMessage Request(HttpMethod method, string path, string token, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response, string call, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{call} answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }

        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))?.AsObject()
            ?? throw new InvalidDataException($"{call} answered no JSON object.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var polite = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", polite.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or InvalidOperationException)
        {
            // Already closed or broken; the host notices either way.
        }

        await _closing.CancelAsync();
        await _receiving;
        _socket.Dispose();
        _closing.Dispose();
    }
}
