using System.ComponentModel.DataAnnotations;

namespace ConciergeBot.CheckIns;

/// <summary>Reminders before booked appointments (<c>Reminders</c> in appsettings.json); quiet hours come from <c>CheckIns</c>.</summary>
public sealed class ReminderOptions : IValidatableObject
{
    public const string Section = "Reminders";

    public bool Enabled { get; set; } = true;

    /// <summary>How long before the start the customer is reminded.</summary>
    public TimeSpan Before { get; set; } = TimeSpan.FromDays(1);

    /// <summary>No reminder closer to the start than this (a late booking, or quiet hours pushing it too far).</summary>
    public TimeSpan MinimumLead { get; set; } = TimeSpan.FromHours(2);

    public string Template { get; set; } = "appointment_reminder";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Before <= TimeSpan.Zero || MinimumLead < TimeSpan.Zero || MinimumLead >= Before)
        {
            yield return new ValidationResult("Reminders: Before must be positive and longer than MinimumLead.");
        }
    }
}
