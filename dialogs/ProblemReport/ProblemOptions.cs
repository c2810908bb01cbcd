namespace ConciergeBot.Dialogs.ProblemReport;

/// <summary>How a problem report starts: with the customer's first message when it already says what happened.</summary>
/// <param name="AskKey">The question that asks what happened, when the dialog that began the report words it its own way.</param>
public sealed record ProblemOptions(string? FirstMessage = null, Guid? AppointmentId = null, string? AskKey = null);

/// <summary>A photo or file the customer sent with the report.</summary>
public sealed record ReportedFile(string? Name, string ContentType, string? Url);
