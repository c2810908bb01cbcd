namespace ConciergeBot.Admin.Scheduling;

/// <summary>
/// One appointment from a business's booking system. In CSV the columns are <c>reference</c>,
/// <c>customer_name</c>, <c>customer_phone</c>, <c>service</c>, <c>resource</c>, <c>start</c>,
/// <c>status</c>; in JSON the same names in camelCase. <c>reference</c> is the key: importing a row
/// again changes nothing, a changed row updates the appointment. <c>customer_name</c> is needed only
/// for a phone number not known yet; <c>status</c> is booked (default), completed, cancelled or no-show.
/// </summary>
public sealed record ImportRow(
    string? Reference,
    string? CustomerPhone,
    string? Service,
    string? Resource,
    string? Start,
    string? CustomerName = null,
    string? Status = null);

/// <summary>What an import did; <c>errors</c> has one entry per row that was not imported, with its row number (1 = the first row after the CSV header, or the array's first element).</summary>
public sealed record ImportResult(int Rows, int Created, int Updated, int Unchanged, int Failed, IReadOnlyList<ImportRowError> Errors);

public sealed record ImportRowError(int Row, string? Reference, string Message);
