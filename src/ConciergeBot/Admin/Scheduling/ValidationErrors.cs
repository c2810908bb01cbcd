using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConciergeBot.Admin.Scheduling;

/// <summary>Problems found in a request, by field (camelCase, as the client wrote it), answered as one 400.</summary>
internal sealed partial class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public ValidationProblem Problem() =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "The request has invalid fields.");

    /// <summary>All messages on one line, for an import row's report.</summary>
    public string Summary() => string.Join("; ", _errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));

    /// <summary>A code is how imports and other systems name a thing: short, no spaces, stable.</summary>
    public bool Code(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
            return false;
        }

        if (!CodeShape().IsMatch(value))
        {
            Add(field, "Letters, digits, '.', '_' and '-' only, starting with a letter or digit, at most 64 characters.");
            return false;
        }

        return true;
    }

    public bool Text(string field, string? value, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "Required.");
            }

            return !required;
        }

        if (value.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
            return false;
        }

        return true;
    }

    public bool Range(string field, int? value, int min, int max, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "Required.");
            }

            return !required;
        }

        if (value < min || value > max)
        {
            Add(field, $"Between {min} and {max}.");
            return false;
        }

        return true;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex CodeShape();
}
