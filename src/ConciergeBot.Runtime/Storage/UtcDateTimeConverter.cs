using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ConciergeBot.Storage;

/// <summary>Times are stored in UTC; this keeps them marked as UTC when they are read back.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
