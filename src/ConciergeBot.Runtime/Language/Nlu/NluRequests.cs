namespace ConciergeBot.Language.Nlu;

/// <summary>One request of the NLU contract checked and answered: a bad request gets an error, never an exception.</summary>
public sealed class NluRequests(NluParser parser, TimeProvider clock)
{
    public NluOutput Answer(NluInput? input, TimeZoneInfo businessZone, string businessLanguage)
    {
        if (input is null || string.IsNullOrWhiteSpace(input.Text))
        {
            return NluJson.Error(input?.Id, "'text' is required.");
        }

        var zone = businessZone;
        if (!string.IsNullOrWhiteSpace(input.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(input.TimeZone, out zone!))
        {
            return NluJson.Error(input.Id, $"Unknown time zone '{input.TimeZone}': use an IANA id such as Asia/Jakarta.");
        }

        var result = parser.Parse(input.Text, input.Reference ?? clock.GetUtcNow(), zone, businessLanguage);
        return NluJson.ToOutput(input.Id, result);
    }
}
