using Microsoft.AspNetCore.Mvc;

namespace ConciergeBot.Admin.Scheduling;

/// <summary>
/// A booking made by staff. The customer is <c>customerId</c>, or the one with <c>customerPhone</c>
/// (any common writing of the number), created with <c>customerName</c> when new. <c>reference</c> is
/// generated ("BMJ-7K3Q") when left out. <c>start</c> is ISO 8601 with an offset, or a local time in the
/// business's zone ("2026-12-01T09:00"); the end follows from the service's duration. Staff may book
/// outside the weekly hours; only an overlap with another booking on the resource is refused (409).
/// </summary>
public sealed record CreateAppointmentRequest(
    string? Service,
    string? Resource,
    string? Start,
    string? Reference = null,
    Guid? CustomerId = null,
    string? CustomerPhone = null,
    string? CustomerName = null,
    string? Notes = null);

/// <summary>A move by staff: a new <c>start</c>, a new <c>resource</c> code, or both, and why. It does not count against the customer's reschedule limit.</summary>
public sealed record RescheduleAppointmentRequest(string? Start = null, string? Resource = null, string? Reason = null);

/// <summary>Why an appointment was cancelled, completed or missed; optional.</summary>
public sealed record AppointmentStatusRequest(string? Reason = null);

/// <summary>
/// Filters of the appointment list: <c>from</c>/<c>to</c> bound the start (a time, or a date meaning
/// the whole day in the business's zone; <c>to</c> is exclusive for times, inclusive for dates),
/// <c>status</c> (booked, completed, cancelled, noShow), <c>customerId</c>, <c>resource</c> and
/// <c>service</c> codes; <c>page</c> from 1, <c>pageSize</c> up to 500 (50 by default).
/// </summary>
public sealed record AppointmentFilter(
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "customerId")] Guid? CustomerId,
    [FromQuery(Name = "resource")] string? Resource,
    [FromQuery(Name = "service")] string? Service,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize);
