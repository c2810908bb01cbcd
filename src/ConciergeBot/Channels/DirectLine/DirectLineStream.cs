using System.Net.WebSockets;
using System.Text;
using ConciergeBot.Activities;

namespace ConciergeBot.Channels.DirectLine;

/// <summary>
/// The WebSocket at a conversation's <c>streamUrl</c>: on connect, everything after the client's
/// watermark; then each new activity as an ActivitySet, typing as it happens, and an empty frame
/// as a keep-alive. What the client sends (its own keep-alives) is read and dropped.
/// </summary>
internal static partial class DirectLineStream
{
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(WebSocket socket, string conversationId, long watermark, DirectLineTranscript transcript, DirectLineSignals signals, ILogger logger, CancellationToken aborted)
    {
        var mailbox = signals.Subscribe(conversationId);
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var reading = DrainClientAsync(socket, closed);
        try
        {
            var lastSent = System.Diagnostics.Stopwatch.GetTimestamp();
            watermark = await SendNewAsync(socket, conversationId, watermark, transcript, closed.Token);
            while (!closed.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                StreamWake? signal = null;
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(closed.Token))
                {
                    wait.CancelAfter(Recheck);
                    try
                    {
                        signal = await mailbox.Reader.ReadAsync(wait.Token);
                    }
                    catch (OperationCanceledException) when (!closed.IsCancellationRequested)
                    {
                        // Nothing in this process: look at the transcript anyway (another instance may have written).
                    }
                }

                var woken = signal is not null;
                if (signal?.Typing is { } typing)
                {
                    await SendAsync(socket, $"{{\"activities\":[{ActivityJson.Serialize(typing)}]}}", closed.Token);
                    lastSent = System.Diagnostics.Stopwatch.GetTimestamp();
                    continue;
                }

                if (signal?.Stored is { } stored && stored.Sequence <= watermark)
                {
                    // Already sent with an earlier read of the transcript.
                    continue;
                }

                if (signal?.Stored is { } next && next.Sequence == watermark + 1)
                {
                    // The very next activity: sent as stored, without reading the transcript again.
                    await SendAsync(socket, next.ActivitySet(), closed.Token);
                    watermark = next.Sequence;
                    lastSent = System.Diagnostics.Stopwatch.GetTimestamp();
                    continue;
                }

                var before = watermark;
                watermark = await SendNewAsync(socket, conversationId, watermark, transcript, closed.Token);
                if (watermark != before)
                {
                    lastSent = System.Diagnostics.Stopwatch.GetTimestamp();
                }
                else if (!woken && System.Diagnostics.Stopwatch.GetElapsedTime(lastSent) > KeepAlive)
                {
                    await SendAsync(socket, "", closed.Token);
                    lastSent = System.Diagnostics.Stopwatch.GetTimestamp();
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away; it reconnects with its watermark.
        }
        finally
        {
            signals.Unsubscribe(conversationId, mailbox);
            await closed.CancelAsync();
            await reading;
            LogClosed(logger, conversationId, watermark);
        }
    }

    private static async Task<long> SendNewAsync(WebSocket socket, string conversationId, long watermark, DirectLineTranscript transcript, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (json, last, count) = await transcript.ReadAfterAsync(conversationId, watermark, cancellationToken);
            if (count == 0)
            {
                return watermark;
            }

            await SendAsync(socket, json, cancellationToken);
            watermark = last;
        }
    }

    private static Task SendAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task DrainClientAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, closed.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await closed.CancelAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Direct Line stream of {ConversationId} closed at watermark {Watermark}")]
    private static partial void LogClosed(ILogger logger, string conversationId, long watermark);
}
