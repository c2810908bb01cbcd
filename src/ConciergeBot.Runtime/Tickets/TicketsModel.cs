using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Tickets;

internal static class TicketsModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<Ticket>(t =>
        {
            t.Property(x => x.Reference).HasMaxLength(16);
            t.Property(x => x.ConversationId).HasMaxLength(300);
            t.Property(x => x.Channel).HasMaxLength(32);
            t.Property(x => x.Language).HasMaxLength(8);
            t.Property(x => x.Category).HasMaxLength(64);
            t.Property(x => x.Description).HasMaxLength(4000);
            t.Property(x => x.Compensation).HasMaxLength(500);
            t.Property(x => x.CorrectiveAction).HasMaxLength(2000);
            t.HasIndex(x => x.Reference).IsUnique();
            t.HasIndex(x => new { x.CustomerId, x.CreatedAt });
            t.HasIndex(x => new { x.Status, x.CreatedAt });
            t.HasIndex(x => x.CreatedAt);
        });

        model.Entity<TicketAction>(a =>
        {
            a.Property(x => x.Actor).HasMaxLength(64);
            a.Property(x => x.Text).HasMaxLength(4000);
            a.HasIndex(x => new { x.TicketId, x.Id });
        });
    }
}
