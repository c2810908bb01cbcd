using System.ComponentModel.DataAnnotations;
using ConciergeBot.Scheduling;

namespace ConciergeBot.CheckIns;

/// <summary>"How was everything?" after a visit, and the survey after a handoff (<c>CheckIns</c> in appsettings.json).</summary>
public sealed class CheckInOptions : IValidatableObject
{
    public const string Section = "CheckIns";

    public bool Enabled { get; set; } = true;

    /// <summary>How long after the appointment was completed the customer is asked.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Local hours (business time zone) when nothing is sent: "21:00-08:00"; empty for none. Reminders keep them too.</summary>
    public string QuietHours { get; set; } = "21:00-08:00";

    /// <summary>An unanswered question closes quietly after this.</summary>
    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>At most this many satisfaction questions (visits and handoffs) per customer ...</summary>
    public int MaxPerCustomer { get; set; } = 1;

    /// <summary>... in this period.</summary>
    public TimeSpan Per { get; set; } = TimeSpan.FromDays(7);

    /// <summary>From this score up the answer counts as good (thanks, and the review link); below it as poor.</summary>
    public int GoodFrom { get; set; } = 4;

    /// <summary>Where a happy customer may write a public review; empty for no invitation.</summary>
    public string? ReviewUrl { get; set; }

    /// <summary>Also ask after an appointment whose end passed in <see cref="EndPassedStatus"/>, not only after one marked completed.</summary>
    public bool CompleteWhenEndPassed { get; set; }

    /// <summary>The status an ended appointment must still have to count as done (Booked, for a business that never marks completion).</summary>
    public AppointmentStatus EndPassedStatus { get; set; } = AppointmentStatus.Booked;

    /// <summary>Appointments that ended longer ago than this are not asked about (an import of old history sends nothing).</summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Ask after a handoff an agent resolved (only while the customer's channel still lets us write to them).</summary>
    public bool AfterHandoff { get; set; } = true;

    /// <summary>The channel template (e.g. an approved WhatsApp template) used outside a free-form window.</summary>
    public string Template { get; set; } = "visit_check_in";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Delay < TimeSpan.Zero || ExpireAfter <= TimeSpan.Zero || Per <= TimeSpan.Zero || Lookback <= TimeSpan.Zero)
        {
            yield return new ValidationResult("CheckIns: Delay may not be negative; ExpireAfter, Per and Lookback must be positive.");
        }

        if (MaxPerCustomer < 1 || GoodFrom is < 1 or > 5)
        {
            yield return new ValidationResult("CheckIns: MaxPerCustomer is at least 1 and GoodFrom between 1 and 5.");
        }

        if (!Appointment.Blocks(EndPassedStatus))
        {
            yield return new ValidationResult("CheckIns: EndPassedStatus is Booked or Completed; a cancelled or missed appointment is never asked about.");
        }

        if (!string.IsNullOrWhiteSpace(ReviewUrl) && !Uri.TryCreate(ReviewUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("CheckIns: ReviewUrl must be an absolute address.");
        }

        string? quiet = null;
        try
        {
            CheckIns.QuietHours.Parse(QuietHours);
        }
        catch (FormatException ex)
        {
            quiet = "CheckIns: " + ex.Message;
        }

        if (quiet is not null)
        {
            yield return new ValidationResult(quiet);
        }
    }
}
