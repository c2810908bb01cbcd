using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Handoff;

internal static class HandoffModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<Agent>(a =>
        {
            a.Property(x => x.UserName).HasMaxLength(64);
            a.Property(x => x.DisplayName).HasMaxLength(100);
            a.Property(x => x.PasswordHash).HasMaxLength(200);
            a.Property(x => x.Teams).HasMaxLength(200);
            a.HasIndex(x => x.UserName).IsUnique();
        });

        model.Entity<HandoffCase>(c =>
        {
            c.ToTable("HandoffCases");
            c.Property(x => x.ConversationId).HasMaxLength(300);
            c.Property(x => x.Channel).HasMaxLength(32);
            c.Property(x => x.CustomerName).HasMaxLength(200);
            c.Property(x => x.Language).HasMaxLength(8);
            c.Property(x => x.Reason).HasMaxLength(64);
            c.Property(x => x.Team).HasMaxLength(64);
            c.Property(x => x.Summary).HasMaxLength(4000);
            c.Property(x => x.Outcome).HasMaxLength(1000);
            c.Property(x => x.Version).IsConcurrencyToken();
            c.Ignore(x => x.IsOpen);
            c.HasIndex(x => new { x.Status, x.Team, x.Priority, x.QueuedAt });
            c.HasIndex(x => new { x.AgentId, x.Status });
            c.HasIndex(x => new { x.ConversationId, x.Status });
            c.HasIndex(x => x.ClosedAt);
        });

        model.Entity<HandoffNote>(n =>
        {
            n.ToTable("HandoffNotes");
            n.Property(x => x.Text).HasMaxLength(4000);
            n.HasIndex(x => new { x.CaseId, x.Id });
        });
    }
}
