using System.Globalization;
using ConciergeBot.Activities;
using ConciergeBot.Channels;
using ConciergeBot.Localization;
using ConciergeBot.Pipeline;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace ConciergeBot.Channels.Telegram;

/// <summary>
/// Delivers the bot's activities to a Telegram chat: text as plain messages (no parse mode, so nothing
/// the customer or a locale file wrote can break Markdown), a long text in several parts, choices as
/// a keyboard on the last part, files as photos or documents, typing as a chat action.
/// </summary>
internal sealed class TelegramAdapter(ITelegramBotClient bot, TelegramFiles files, LocaleCatalog locales, IOptions<TelegramOptions> options) : IChannelAdapter
{
    public string ChannelId => TelegramChannel.Id;

    public async Task<DeliveryResult> SendAsync(OutboundActivity outbound, CancellationToken cancellationToken)
    {
        var activity = outbound.Activity;
        if (!long.TryParse(activity.Conversation?.Id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            return DeliveryResult.Failed($"'{activity.Conversation?.Id}' is not a Telegram chat id.");
        }

        try
        {
            if (activity.Type == ActivityTypes.Typing)
            {
                await bot.SendChatAction(chatId, ChatAction.Typing, cancellationToken: cancellationToken);
                return DeliveryResult.Delivered();
            }

            return activity.IsMessage ? await SendMessageAsync(chatId, activity, cancellationToken) : DeliveryResult.Delivered();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return TelegramDeliveryErrors.Classify(ex);
        }
    }

    /// <remarks>
    /// A retry after a later part failed sends the earlier parts again: delivery is at least once,
    /// and a repeated line reads better than a lost one.
    /// </remarks>
    private async Task<DeliveryResult> SendMessageAsync(long chatId, Activity activity, CancellationToken cancellationToken)
    {
        var texts = string.IsNullOrWhiteSpace(activity.Text) ? [] : MessageSplitter.Split(activity.Text, TelegramChannel.MaxMessageLength);
        var attachments = (activity.Attachments ?? []).Where(a => a.ContentUrl is not null).ToList();
        var keyboard = TelegramKeyboards.For(activity.SuggestedActions, options.Value.Choices)
            ?? (ExpectedInput.Of(activity) == ExpectedInput.PhoneNumber ? TelegramKeyboards.SharePhone(locales.ForMessage(activity, RuntimeTexts.SharePhone, "📱")) : null);
        var total = texts.Count + attachments.Count;
        if (total == 0)
        {
            return DeliveryResult.Delivered();
        }

        Message? last = null;
        var index = 0;
        foreach (var text in texts)
        {
            last = await bot.SendMessage(chatId, text, replyMarkup: ++index == total ? keyboard : null, cancellationToken: cancellationToken);
        }

        foreach (var attachment in attachments)
        {
            last = await SendFileAsync(chatId, attachment, ++index == total ? keyboard : null, cancellationToken);
        }

        return DeliveryResult.Delivered(last?.Id.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<Message> SendFileAsync(long chatId, Attachment attachment, ReplyMarkup? keyboard, CancellationToken cancellationToken)
    {
        // Our own stored files are uploaded (Telegram cannot reach a host without a public address); others go by link.
        await using var local = files.LocalPath(attachment.ContentUrl!) is { } path ? File.OpenRead(path) : null;
        InputFile input = local is not null ? InputFile.FromStream(local, attachment.Name ?? Path.GetFileName(local.Name)) : InputFile.FromUri(attachment.ContentUrl!);
        return attachment.ContentType.StartsWith("image/", StringComparison.Ordinal)
            ? await bot.SendPhoto(chatId, input, replyMarkup: keyboard, cancellationToken: cancellationToken)
            : await bot.SendDocument(chatId, input, replyMarkup: keyboard, cancellationToken: cancellationToken);
    }
}
