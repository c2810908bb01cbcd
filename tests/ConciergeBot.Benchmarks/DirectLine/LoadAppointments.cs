using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ConciergeBot.Benchmarks.DirectLine;

/// <summary>
/// Gives every simulated conversation its own appointment through the admin import: an oil change
/// (30 minutes, any of the three bays) on a weekday 5–25 days ahead, spread over days and bays. A row
/// the import refuses (say, the demo data's booking is in the way) is placed again elsewhere.
/// </summary>
internal static class LoadAppointments
{
    private const string Service = "ganti-oli";
    private const int Rounds = 5;
    private static readonly string[] Bays = ["bay-1", "bay-2", "bay-spooring"];

    /// <returns>The customers, and how many rows had to be placed again.</returns>
    public static async Task<(IReadOnlyList<LoadCustomer> Customers, int Replaced)> SeedAsync(HttpClient http, string adminKey, int count, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var customers = Enumerable.Range(1, count).Select(LoadCustomer.Numbered).ToList();
        using var places = Places(zone).GetEnumerator();
        var pending = customers;
        var replaced = 0;
        for (var round = 1; pending.Count > 0; round++)
        {
            if (round > Rounds)
            {
                throw new InvalidOperationException($"{pending.Count} load appointments could not be placed; the calendar is too full.");
            }

            var rows = new JsonArray();
            foreach (var customer in pending)
            {
                var start = places.MoveNext() ? places.Current : throw new InvalidOperationException("Ran out of free places for load appointments.");
                rows.Add(new JsonObject
                {
                    ["reference"] = customer.Reference,
                    ["customerName"] = customer.Name,
                    ["customerPhone"] = customer.Phone,
                    ["service"] = Service,
                    ["resource"] = start.Bay,
                    ["start"] = start.Local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
                    ["status"] = "booked",
                });
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/appointments/import") { Content = JsonContent.Create(rows) };
            request.Headers.Add("X-Admin-Key", adminKey);
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The import answered {(int)response.StatusCode}: {body}");
            }

            var failedRows = JsonNode.Parse(body)!["errors"]!.AsArray().Select(e => e!["row"]!.GetValue<int>()).ToHashSet();
            pending = [.. pending.Where((_, i) => failedRows.Contains(i + 1))];
            replaced += pending.Count;
        }

        return (customers, replaced);
    }

    /// <summary>
    /// Weekdays 5–25 days ahead (not Christmas or New Year's Day), every half hour outside lunch and
    /// Friday prayers, three bays; the first places go to different days and bays.
    /// </summary>
    private static IEnumerable<(DateTime Local, string Bay)> Places(TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        var days = Enumerable.Range(5, 21).Select(today.AddDays)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !(d.Month == 12 && d.Day == 25) && !(d.Month == 1 && d.Day == 1))
            .ToList();
        var times = Enumerable.Range(0, 18).Select(i => new TimeOnly(8, 0).AddMinutes(30 * i))
            .Where(t => t < new TimeOnly(11, 30) || t >= new TimeOnly(13, 0));
        return from time in times
               from day in days
               from bay in Bays
               select (day.ToDateTime(time), bay);
    }
}
