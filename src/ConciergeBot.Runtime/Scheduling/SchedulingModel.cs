using System.Text.Json;
using ConciergeBot.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ConciergeBot.Scheduling;

/// <summary>How the schedule is stored.</summary>
internal static class SchedulingModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<Service>(s =>
        {
            s.Property(x => x.Code).HasMaxLength(64);
            s.Property(x => x.Names).HasConversion(
                v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
                v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>(),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    v => v.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                    v => new Dictionary<string, string>(v)));
            s.HasIndex(x => new { x.BusinessId, x.Code }).IsUnique();
        });

        model.Entity<Resource>(r =>
        {
            r.Property(x => x.Code).HasMaxLength(64);
            r.Property(x => x.Name).HasMaxLength(200);
            r.Property(x => x.Kind).HasMaxLength(32);
            r.HasIndex(x => new { x.BusinessId, x.Code }).IsUnique();
            r.HasMany(x => x.Services).WithOne().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Cascade);
            r.HasMany(x => x.Hours).WithOne().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Cascade);
            r.HasMany(x => x.Breaks).WithOne().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<ResourceService>(rs =>
        {
            rs.HasKey(x => new { x.ResourceId, x.ServiceId });
            rs.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<WeeklyHours>(h => h.HasIndex(x => new { x.ResourceId, x.Day }));
        model.Entity<WeeklyBreak>(b => b.HasIndex(x => x.ResourceId));

        model.Entity<ScheduleOverride>(o =>
        {
            o.Property(x => x.Reason).HasMaxLength(200);
            o.HasIndex(x => new { x.BusinessId, x.Date });
            o.HasOne<Resource>().WithMany().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<Appointment>(a =>
        {
            a.Property(x => x.Reference).HasMaxLength(64);
            a.Property(x => x.Notes).HasMaxLength(2000);
            a.HasIndex(x => x.Reference).IsUnique();
            a.HasIndex(x => new { x.CustomerId, x.Start });
            a.HasIndex(x => new { x.ResourceId, x.BlockedStart });
            a.HasIndex(x => new { x.Status, x.Start });
            a.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
            a.HasOne<Resource>().WithMany().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Restrict);
            a.HasOne<Storage.Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
            a.HasMany(x => x.History).WithOne().HasForeignKey(x => x.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<AppointmentChange>(c =>
        {
            c.Property(x => x.Actor).HasMaxLength(100);
            c.Property(x => x.Reason).HasMaxLength(1000);
            c.Property(x => x.ConversationId).HasMaxLength(300);
            c.Property(x => x.IdempotencyKey).HasMaxLength(400);
            c.HasIndex(x => x.IdempotencyKey).IsUnique();
            c.HasIndex(x => new { x.Kind, x.At });
        });

        model.Entity<SlotHold>(h =>
        {
            h.Property(x => x.Holder).HasMaxLength(300);
            h.HasIndex(x => x.Holder).IsUnique();
            h.HasIndex(x => new { x.ResourceId, x.BlockedStart });
            h.HasIndex(x => x.ExpiresAt);
        });

        model.Entity<BusinessEvent>(e =>
        {
            e.Property(x => x.Type).HasMaxLength(64);
            e.Property(x => x.ClaimedBy).HasMaxLength(64);
            e.HasIndex(x => x.EventId).IsUnique();
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            // The dispatcher walks pending events in id order.
            e.HasIndex(x => new { x.Status, x.Id });
        });
    }
}
