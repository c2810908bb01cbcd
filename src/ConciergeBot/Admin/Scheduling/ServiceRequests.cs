namespace ConciergeBot.Admin.Scheduling;

/// <summary>
/// A service as the admin writes it. <c>code</c> is needed to create one and cannot change afterwards
/// (imports and configuration name services by it); <c>names</c> per language must include the
/// business's default language; buffers are minutes kept free before and after.
/// </summary>
public sealed record ServiceRequest(
    Dictionary<string, string>? Names,
    int? DurationMinutes,
    string? Code = null,
    int? BufferBeforeMinutes = null,
    int? BufferAfterMinutes = null,
    bool? Active = null);

public sealed record ServiceResponse(
    string Code,
    IReadOnlyDictionary<string, string> Names,
    int DurationMinutes,
    int BufferBeforeMinutes,
    int BufferAfterMinutes,
    bool Active);
