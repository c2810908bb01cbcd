using ConciergeBot.Customers;
using ConciergeBot.Scheduling;
using ConciergeBot.Storage;

namespace ConciergeBot.Demo;

/// <summary>
/// A believable Jakarta car workshop: five services, three bays with their mechanics, weekday and
/// Saturday hours with lunch (and Friday prayers), Christmas and New Year closed, and upcoming
/// appointments for the demo customers relative to the day the database is created.
/// Budi's service is <c>BMJ-1001</c> (the README uses it to try a reschedule).
/// </summary>
internal static class DemoSchedule
{
    public static void Seed(ConciergeDb db, Guid businessId, TimeZoneInfo zone, DateTimeOffset now, IReadOnlyDictionary<string, Customer> customers)
    {
        var services = new[]
        {
            NewService(businessId, "servis-berkala", "Servis berkala", "Periodic service", 120, after: 15),
            NewService(businessId, "ganti-oli", "Ganti oli", "Oil change", 30),
            NewService(businessId, "spooring", "Spooring & balancing", "Wheel alignment & balancing", 60),
            NewService(businessId, "tune-up", "Tune-up mesin", "Engine tune-up", 90, after: 15),
            NewService(businessId, "servis-ac", "Servis AC mobil", "Car A/C service", 60),
        }.ToDictionary(s => s.Code);
        db.Services.AddRange(services.Values);

        var general = new[] { "servis-berkala", "ganti-oli", "tune-up", "servis-ac" };
        var bays = new[]
        {
            NewResource(businessId, "bay-1", "Bay 1 (Pak Andi)", general.Select(c => services[c].Id)),
            NewResource(businessId, "bay-2", "Bay 2 (Pak Rudi)", general.Select(c => services[c].Id)),
            NewResource(businessId, "bay-spooring", "Bay spooring (Mas Dedi)", [services["spooring"].Id, services["ganti-oli"].Id]),
        }.ToDictionary(r => r.Code);
        db.Resources.AddRange(bays.Values);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var holidays = new List<DateOnly>();
        foreach (var year in new[] { today.Year, today.Year + 1 })
        {
            holidays.Add(new DateOnly(year, 12, 25));
            holidays.Add(new DateOnly(year, 1, 1));
        }

        foreach (var holiday in holidays.Where(d => d >= today))
        {
            db.ScheduleOverrides.Add(new ScheduleOverride
            {
                BusinessId = businessId,
                Date = holiday,
                Reason = holiday.Month == 12 ? "Hari Raya Natal" : "Tahun Baru",
            });
        }

        var workingDays = WorkingDaysAfter(today, holidays).Take(8).ToArray();
        DateTimeOffset at(int workingDay, int hour)
        {
            var local = workingDays[workingDay - 1].ToDateTime(new TimeOnly(hour, 0));
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        Book(db, businessId, "BMJ-1001", customers["budi"], services["servis-berkala"], bays["bay-1"], at(3, 10), now);
        Book(db, businessId, "BMJ-1002", customers["sarah"], services["ganti-oli"], bays["bay-2"], at(2, 14), now);
        Book(db, businessId, "BMJ-1003", customers["sarah"], services["spooring"], bays["bay-spooring"], at(6, 9), now);
        Book(db, businessId, "BMJ-1004", customers["joko"], services["servis-berkala"], bays["bay-2"], at(3, 10), now);
        Book(db, businessId, "BMJ-1005", customers["rina"], services["servis-berkala"], bays["bay-1"], at(2, 9), now);
        Book(db, businessId, "BMJ-1006", customers["dewi"], services["tune-up"], bays["bay-2"], at(2, 9), now);
    }

    /// <summary>The demo customers: Budi writes Indonesian, Sarah English; the others fill the calendar.</summary>
    public static Dictionary<string, Customer> Customers(DateTime now) => new()
    {
        ["budi"] = NewCustomer("Budi Santoso", "id", "+6281234567890", now),
        ["sarah"] = NewCustomer("Sarah Tan", "en", "+6281298765432", now),
        ["joko"] = NewCustomer("Joko Widodo", "id", "+6281311112222", now),
        ["rina"] = NewCustomer("Rina Kusuma", "id", "+6281322223333", now),
        ["dewi"] = NewCustomer("Dewi Lestari", "id", "+6281333334444", now),
    };

    private static IEnumerable<DateOnly> WorkingDaysAfter(DateOnly today, List<DateOnly> holidays)
    {
        for (var day = today.AddDays(1); ; day = day.AddDays(1))
        {
            if (day.DayOfWeek != DayOfWeek.Sunday && !holidays.Contains(day))
            {
                yield return day;
            }
        }
    }

    private static Service NewService(Guid businessId, string code, string indonesian, string english, int minutes, int after = 0) => new()
    {
        Id = Guid.NewGuid(),
        BusinessId = businessId,
        Code = code,
        Names = new() { ["id"] = indonesian, ["en"] = english },
        DurationMinutes = minutes,
        BufferAfterMinutes = after,
    };

    private static Resource NewResource(Guid businessId, string code, string name, IEnumerable<Guid> serviceIds)
    {
        var id = Guid.NewGuid();
        var resource = new Resource
        {
            Id = id,
            BusinessId = businessId,
            Code = code,
            Name = name,
            Kind = ResourceKinds.Bay,
            Services = [.. serviceIds.Select(s => new ResourceService { ResourceId = id, ServiceId = s })],
            Breaks =
            [
                new WeeklyBreak { Start = new TimeOnly(12, 0), End = new TimeOnly(13, 0) },
                new WeeklyBreak { Day = DayOfWeek.Friday, Start = new TimeOnly(11, 30), End = new TimeOnly(13, 0) },
            ],
        };
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            resource.Hours.Add(new WeeklyHours { Day = day, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(17, 0) });
        }

        resource.Hours.Add(new WeeklyHours { Day = DayOfWeek.Saturday, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(14, 0) });
        return resource;
    }

    private static Customer NewCustomer(string name, string language, string phone, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        DisplayName = name,
        PreferredLanguage = language,
        CreatedAt = now,
        Addresses = [new CustomerAddress { Kind = CustomerAddresses.Phone, Value = phone }],
    };

    private static void Book(ConciergeDb db, Guid businessId, string reference, Customer customer, Service service, Resource bay, DateTimeOffset start, DateTimeOffset now)
    {
        var appointment = new Appointment
        {
            Id = Guid.NewGuid(),
            BusinessId = businessId,
            Reference = reference,
            CustomerId = customer.Id,
            ServiceId = service.Id,
            Status = AppointmentStatus.Booked,
            CreatedAt = now.UtcDateTime,
            UpdatedAt = now.UtcDateTime,
        };
        appointment.Place(bay.Id, start.UtcDateTime, service);
        appointment.History.Add(new AppointmentChange { At = now.UtcDateTime, Kind = AppointmentChangeKind.Created, Actor = "demo", ToStart = appointment.Start, ToResourceId = bay.Id });
        db.Appointments.Add(appointment);
    }
}
