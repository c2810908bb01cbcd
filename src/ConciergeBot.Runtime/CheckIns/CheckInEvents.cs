using System.Text.Json.Nodes;
using ConciergeBot.Activities;
using ConciergeBot.Storage;

namespace ConciergeBot.CheckIns;

/// <summary>
/// How a due contact reaches the conversation's dialogs (an event in its inbox, named here) and how
/// the question that comes out carries what a channel needs for a business-initiated message.
/// </summary>
public static class CheckInEvents
{
    public const string Name = "checkIn";

    public static JsonObject Value(CheckIn row) => new() { ["checkIn"] = Sql.Id(row.Id), ["kind"] = row.Kind.ToString() };

    /// <summary>The check-in an event turn is about, or null for any other activity.</summary>
    public static Guid? Of(Activity activity) =>
        activity is { Type: ActivityTypes.Event, Name: Name } && Guid.TryParse(activity.Value?["checkIn"]?.GetValue<string>(), out var id) ? id : null;

    /// <summary>
    /// Marks <paramref name="question"/> as the check-in's question: the sweep follows its delivery by
    /// <c>channelData.checkIn</c>, and a channel that allows business-initiated messages only as
    /// approved templates (WhatsApp outside its 24-hour window) sends <c>channelData.template</c>
    /// instead: the template's name, language and variables in order ({{1}}, {{2}}, ...).
    /// </summary>
    public static Activity Tag(Activity question, Guid checkInId, string? template, string language, params string[] variables)
    {
        var data = question.ChannelData as JsonObject ?? [];
        data["checkIn"] = Sql.Id(checkInId);
        question.ChannelData = data;
        if (!string.IsNullOrWhiteSpace(template))
        {
            MessageTemplate.Numbered(template, language, variables).ApplyTo(question);
        }

        return question;
    }
}
