using ConciergeBot.Language.Time;
using ConciergeBot.Scheduling.Availability;
using ConciergeBot.Scheduling.Booking;

namespace ConciergeBot.Dialogs.Reschedule;

/// <summary>
/// How the reschedule dialog starts: the customer's first message may already say when, and a
/// reminder already knows which appointment it is about.
/// </summary>
public sealed record RescheduleOptions(string? FirstMessage = null, Guid? AppointmentId = null);

/// <summary>
/// What the "when?" loop knows: the appointment, the reason given, and what the customer asked for
/// last (<see cref="Explained"/>: the customer already heard why that time is not available).
/// </summary>
internal sealed record WhenOptions(
    AppointmentView Appointment,
    string? Reason,
    TimeReading? Requested = null,
    string? FirstMessage = null,
    bool AskAgain = false,
    bool Explained = false);

/// <summary>A slot the customer picked or asked for, on its way to confirmation.</summary>
internal sealed record PickedSlot(Slot Slot);
