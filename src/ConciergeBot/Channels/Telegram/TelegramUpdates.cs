using ConciergeBot.Pipeline;
using ConciergeBot.Storage;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ConciergeBot.Channels.Telegram;

/// <summary>
/// Where every update goes, from the webhook or from polling: files are copied, a shared contact is
/// linked, and the message is in the inbox before Telegram hears "received". Then, without holding
/// anyone up, the tapped button stops spinning and the customer sees the bot typing.
/// </summary>
internal sealed partial class TelegramUpdates(
    TurnIngress ingress,
    DatabaseWriter writer,
    DatabaseConnections connections,
    TelegramFiles files,
    ITelegramBotClient bot,
    TimeProvider clock,
    ILogger<TelegramUpdates> logger)
{
    private static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(10);

    /// <exception cref="Exception">The update could not be stored (database or Telegram unreachable): it must come again.</exception>
    public async Task<TelegramUpdateOutcome> AcceptAsync(Update update, CancellationToken cancellationToken)
    {
        if (TelegramInbound.Read(update) is not { } inbound)
        {
            return TelegramUpdateOutcome.Ignored;
        }

        var activity = inbound.Activity;
        if (inbound.Files.Count > 0)
        {
            // A redelivered photo is not downloaded again only to be thrown away.
            if (await AlreadyReceivedAsync(activity.Id!, cancellationToken))
            {
                return TelegramUpdateOutcome.Duplicate;
            }

            activity.Attachments = [];
            foreach (var file in inbound.Files)
            {
                activity.Attachments.Add(await files.FetchAsync(file, cancellationToken));
            }
        }

        InboundResult result;
        if (inbound.Contact is { } contact)
        {
            var staged = await writer.WriteAsync((connection, transaction) =>
            {
                var staged = ingress.Stage(connection, transaction, activity);
                TelegramContacts.Link(connection, transaction, contact, activity.From!.Id, staged.ConversationId, clock.GetUtcNow());
                return staged;
            }, cancellationToken);
            result = ingress.Started(staged, activity);
            LogContactLinked(result.ConversationId);
        }
        else
        {
            result = await ingress.AcceptAsync(activity, cancellationToken);
        }

        if (result.Status == InboundStatus.Duplicate)
        {
            return TelegramUpdateOutcome.Duplicate;
        }

        _ = SignalAsync(inbound);
        return TelegramUpdateOutcome.Accepted;
    }

    private async Task<bool> AlreadyReceivedAsync(string updateId, CancellationToken cancellationToken)
    {
        await using var read = await connections.OpenAsync(cancellationToken);
        return read.Scalar("""
            SELECT 1 FROM "Inbox" WHERE "Channel" = @channel AND "ChannelMessageId" = @id
            """, ("@channel", TelegramChannel.Id), ("@id", updateId)) is not null;
    }

    /// <summary>Courtesies only: a failure here loses nothing, so it is logged and forgotten.</summary>
    private async Task SignalAsync(TelegramInbound inbound)
    {
        using var timeout = new CancellationTokenSource(SignalTimeout);
        try
        {
            if (inbound.CallbackQueryId is { } query)
            {
                await bot.AnswerCallbackQuery(query, cancellationToken: timeout.Token);
            }

            await bot.SendChatAction(inbound.ChatId, ChatAction.Typing, cancellationToken: timeout.Token);
        }
        catch (Exception ex)
        {
            LogSignalFailed(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A Telegram user shared their phone number in conversation {ConversationId} and is linked to the customer with it")]
    private partial void LogContactLinked(string conversationId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram typing or callback answer failed: {Error}")]
    private partial void LogSignalFailed(string error);
}

public enum TelegramUpdateOutcome
{
    Accepted,
    Duplicate,
    Ignored,
}
