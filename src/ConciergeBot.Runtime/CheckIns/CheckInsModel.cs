using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.CheckIns;

internal static class CheckInsModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<CheckIn>(c =>
        {
            c.Property(x => x.ConversationId).HasMaxLength(300);
            c.Property(x => x.Outcome).HasMaxLength(32);
            c.Property(x => x.Reason).HasMaxLength(1000);
            c.Property(x => x.Version).IsConcurrencyToken();
            // At most one of each kind per appointment time and one survey per handoff, whoever plans it.
            c.HasIndex(x => new { x.AppointmentId, x.Kind, x.AppointmentStart }).IsUnique().HasFilter("\"AppointmentId\" IS NOT NULL");
            c.HasIndex(x => x.HandoffCaseId).IsUnique().HasFilter("\"HandoffCaseId\" IS NOT NULL");
            c.HasIndex(x => new { x.Status, x.DueAt });
            c.HasIndex(x => new { x.Status, x.ExpiresAt });
            c.HasIndex(x => new { x.CustomerId, x.StartedAt });
            c.HasIndex(x => new { x.ConversationId, x.Status });
            c.HasIndex(x => x.AnsweredAt);
        });
    }
}
