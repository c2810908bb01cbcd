using CsvHelper;

namespace ConciergeBot.Admin.Scheduling;

/// <summary>
/// Reads an import's CSV: a header row naming the columns (any order, any case; other columns are
/// ignored), then one appointment per row. The separator is detected (comma, semicolon, tab), as
/// spreadsheets export with the one of their locale.
/// </summary>
internal static class ImportCsv
{
    public static readonly string[] Columns = ["reference", "customer_name", "customer_phone", "service", "resource", "start", "status"];

    /// <summary>Rows may leave these out: a known customer needs no name, and a row without a status is booked.</summary>
    private static readonly string[] Optional = ["customer_name", "status"];

    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        TrimWhitespace = true,
        SkipEmptyLines = true,

        // One record is a few hundred bytes; a runaway quote must not make the reader buffer the whole upload.
        MaxRecordSize = 64 * 1024,
    };

    /// <summary>The rows, or why the file as a whole cannot be read.</summary>
    public static async Task<(List<ImportRow> Rows, string? Error)> ReadAsync(Stream body, int maxRows, CancellationToken cancellationToken)
    {
        var rows = new List<ImportRow>();
        await using var csv = CsvReader.Create(body, Options, leaveOpen: true);
        try
        {
            await csv.ReadHeaderAsync(cancellationToken);
            var index = Columns.ToDictionary(c => c, c => csv.TryGetFieldIndex(c, out var i) ? i : -1);
            var missing = Columns.Except(Optional).Where(c => index[c] < 0).ToList();
            if (missing.Count > 0)
            {
                return (rows, $"The header row lacks {string.Join(", ", missing)}; expected: {string.Join(",", Columns)}.");
            }

            while (await csv.ReadAsync(cancellationToken))
            {
                if (rows.Count == maxRows)
                {
                    return (rows, $"At most {maxRows} rows per import; split the file.");
                }

                string? Field(string column) => index[column] < 0 || csv.GetString(index[column]) is not { Length: > 0 } value ? null : value;
                rows.Add(new ImportRow(
                    Reference: Field("reference"),
                    CustomerPhone: Field("customer_phone"),
                    Service: Field("service"),
                    Resource: Field("resource"),
                    Start: Field("start"),
                    CustomerName: Field("customer_name"),
                    Status: Field("status")));
            }
        }
        catch (CsvFormatException ex)
        {
            return (rows, $"The CSV cannot be read (record {ex.RecordNumber}): {ex.Message}");
        }

        return (rows, null);
    }
}
