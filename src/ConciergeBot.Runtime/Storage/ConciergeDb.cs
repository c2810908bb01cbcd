using ConciergeBot.CheckIns;
using ConciergeBot.Events;
using ConciergeBot.Handoff;
using ConciergeBot.Tickets;
using ConciergeBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace ConciergeBot.Storage;

public sealed class ConciergeDb(DbContextOptions<ConciergeDb> options) : DbContext(options)
{
    public DbSet<Business> Businesses => Set<Business>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerAddress> CustomerAddresses => Set<CustomerAddress>();
    public DbSet<ConversationRecord> Conversations => Set<ConversationRecord>();
    public DbSet<InboxItem> Inbox => Set<InboxItem>();
    public DbSet<OutboxItem> Outbox => Set<OutboxItem>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<ResourceService> ResourceServices => Set<ResourceService>();
    public DbSet<WeeklyHours> WeeklyHours => Set<WeeklyHours>();
    public DbSet<WeeklyBreak> WeeklyBreaks => Set<WeeklyBreak>();
    public DbSet<ScheduleOverride> ScheduleOverrides => Set<ScheduleOverride>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<AppointmentChange> AppointmentChanges => Set<AppointmentChange>();
    public DbSet<SlotHold> SlotHolds => Set<SlotHold>();
    public DbSet<BusinessEvent> BusinessEvents => Set<BusinessEvent>();
    public DbSet<ChannelConversation> ChannelConversations => Set<ChannelConversation>();
    public DbSet<ChannelActivity> ChannelActivities => Set<ChannelActivity>();
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<HandoffCase> HandoffCases => Set<HandoffCase>();
    public DbSet<HandoffNote> HandoffNotes => Set<HandoffNote>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketAction> TicketActions => Set<TicketAction>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Business>(b =>
        {
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.TimeZoneId).HasMaxLength(64);
            b.Property(x => x.DefaultLanguage).HasMaxLength(8);
        });

        model.Entity<Customer>(c =>
        {
            c.Property(x => x.DisplayName).HasMaxLength(200);
            c.Property(x => x.PreferredLanguage).HasMaxLength(8);
            c.HasMany(x => x.Addresses).WithOne().HasForeignKey(a => a.CustomerId);
        });

        model.Entity<CustomerAddress>(a =>
        {
            a.Property(x => x.Kind).HasMaxLength(32);
            a.Property(x => x.Value).HasMaxLength(128);
            a.HasIndex(x => new { x.Kind, x.Value }).IsUnique();
        });

        model.Entity<ConversationRecord>(c =>
        {
            c.ToTable("Conversations");
            c.Property(x => x.Id).HasMaxLength(300);
            c.Property(x => x.Channel).HasMaxLength(32);
            c.Property(x => x.ChannelConversationId).HasMaxLength(256);
            c.Property(x => x.UserAddress).HasMaxLength(256);
            c.Property(x => x.Language).HasMaxLength(8);
            c.Property(x => x.Version).IsConcurrencyToken();
            c.HasIndex(x => x.CustomerId);
        });

        model.Entity<InboxItem>(i =>
        {
            i.ToTable("Inbox");
            i.Property(x => x.Channel).HasMaxLength(32);
            i.Property(x => x.ChannelMessageId).HasMaxLength(256);
            i.Property(x => x.ConversationId).HasMaxLength(300);
            i.HasIndex(x => new { x.Channel, x.ChannelMessageId }).IsUnique();
            i.HasIndex(x => new { x.ConversationId, x.Status, x.Id });
            i.HasIndex(x => new { x.Status, x.NextAttemptAt });
        });

        model.Entity<OutboxItem>(o =>
        {
            o.ToTable("Outbox");
            o.Property(x => x.Channel).HasMaxLength(32);
            o.Property(x => x.ConversationId).HasMaxLength(300);
            o.Property(x => x.ClaimedBy).HasMaxLength(64);
            o.Property(x => x.ChannelMessageId).HasMaxLength(256);
            // The dispatcher walks pending rows in id order and looks up the few that must wait.
            o.HasIndex(x => new { x.Status, x.Id });
            o.HasIndex(x => new { x.Status, x.NextAttemptAt });
            o.HasIndex(x => new { x.Status, x.ClaimedUntil });
            o.HasIndex(x => new { x.ConversationId, x.Id });
            o.Property(x => x.ChannelStatus).HasMaxLength(16);

            // A provider's delivery report names the message by its own id.
            o.HasIndex(x => x.ChannelMessageId);
        });

        model.Entity<ChannelConversation>(c =>
        {
            c.HasKey(x => new { x.Channel, x.Id });
            c.Property(x => x.Channel).HasMaxLength(32);
            c.Property(x => x.Id).HasMaxLength(128);
            c.Property(x => x.UserId).HasMaxLength(256);
        });

        model.Entity<ChannelActivity>(a =>
        {
            a.Property(x => x.Channel).HasMaxLength(32);
            a.Property(x => x.ConversationId).HasMaxLength(128);
            a.Property(x => x.ClientActivityId).HasMaxLength(128);
            a.HasIndex(x => new { x.Channel, x.ConversationId, x.Sequence }).IsUnique();
            a.HasIndex(x => new { x.Channel, x.ConversationId, x.ClientActivityId });
        });

        SchedulingModel.Configure(model);
        HandoffModel.Configure(model);
        TicketsModel.Configure(model);
        CheckInsModel.Configure(model);
    }
}
