using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace ConciergeBot.Admin.Scheduling;

/// <summary>
/// <c>POST /api/admin/appointments/import</c>: appointments in bulk from a business's booking system,
/// as a JSON array of rows or as CSV. Safe to send again: rows are matched by reference.
/// </summary>
public static class AppointmentImport
{
    public const int MaxRows = 20_000;

    private const string Csv = "text/csv";

    public static RouteGroupBuilder MapAppointmentImport(this RouteGroupBuilder admin)
    {
        admin.MapPost("/appointments/import", ImportAsync)
            .WithName("ImportAppointments")
            .WithTags("Import")
            .WithSummary("Imports appointments (JSON array or CSV), matched by reference: new ones created, changed ones updated, the same ones left; each row succeeds or fails alone.")
            .WithDescription(
                "CSV: a header row, then one appointment per row. Columns (any order): " + string.Join(", ", ImportCsv.Columns)
                + ". reference: the booking system's id, the key of the import. customer_name: needed only for a phone number not known yet. "
                + "customer_phone: +62812..., 62812... or 0812.... service, resource: codes. start: ISO 8601 with an offset, or a local time in the "
                + "business's zone (2026-12-01 09:00). status: booked (default), completed, cancelled, no-show. JSON: an array of objects with the same "
                + "fields in camelCase. A row that fails (unknown service, an overlap with another booking, ...) is reported with its number; the others are imported.")
            .Accepts<List<ImportRow>>("application/json", Csv)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // One schema is declared for both media types; the CSV body is text.
                if (operation.RequestBody?.Content?.TryGetValue(Csv, out var csv) == true && csv is OpenApiMediaType media)
                {
                    media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "CSV with a header row." };
                }

                return Task.CompletedTask;
            });
        return admin;
    }

    private static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        HttpRequest request, AppointmentImporter importer, CancellationToken cancellationToken)
    {
        List<ImportRow?> rows;
        var format = ImportFormat.Json;
        if (request.HasJsonContentType())
        {
            try
            {
                rows = await request.ReadFromJsonAsync<List<ImportRow?>>(cancellationToken) ?? [];
            }
            catch (JsonException ex)
            {
                return Invalid($"Not a JSON array of rows: {ex.Message}");
            }
        }
        else if (IsCsv(request.ContentType))
        {
            var (csvRows, error) = await ImportCsv.ReadAsync(request.Body, MaxRows, cancellationToken);
            if (error is not null)
            {
                return Invalid(error);
            }

            rows = [.. csvRows];
            format = ImportFormat.Csv;
        }
        else
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content type.",
                detail: "Send application/json (an array of rows) or text/csv (a header row, then one row per appointment).");
        }

        if (rows.Count > MaxRows)
        {
            return Invalid($"At most {MaxRows} rows per import; split the file.");
        }

        return TypedResults.Ok(await importer.ImportAsync(rows, format, cancellationToken));
    }

    private static bool IsCsv(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals(Csv, StringComparison.OrdinalIgnoreCase) || media.MediaType.Equals("application/csv", StringComparison.OrdinalIgnoreCase));

    private static ValidationProblem Invalid(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [message] }, title: "The import cannot be read.");
}
