using System.Text.Json.Nodes;

namespace ConciergeBot.Activities;

/// <summary>
/// What a question asks the customer for, in <c>channelData.expects</c>, so a channel that has a
/// better way to give it can offer one (Telegram's "share my phone number" button). Dialogs say what
/// they ask; they never know which channel draws it.
/// </summary>
public static class ExpectedInput
{
    public const string PhoneNumber = "phone-number";

    private const string Property = "expects";

    public static Activity Expecting(this Activity question, string what)
    {
        var data = question.ChannelData as JsonObject ?? [];
        data[Property] = what;
        question.ChannelData = data;
        return question;
    }

    public static string? Of(Activity activity) =>
        activity.ChannelData is JsonObject data && data[Property] is JsonValue value && value.TryGetValue<string>(out var what) ? what : null;
}
