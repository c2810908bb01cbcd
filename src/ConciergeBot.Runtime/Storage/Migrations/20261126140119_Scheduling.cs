using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConciergeBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Scheduling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BusinessEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Resources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Services",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Names = table.Column<string>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    BufferBeforeMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    BufferAfterMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Services", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlotHolds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BlockedStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BlockedEnd = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AppointmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlotHolds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScheduleOverrides",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BusinessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduleOverrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScheduleOverrides_Resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WeeklyBreaks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: true),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeeklyBreaks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WeeklyBreaks_Resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WeeklyHours",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeeklyHours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WeeklyHours_Resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    End = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BlockedStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BlockedEnd = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RescheduleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appointments_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appointments_Resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appointments_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResourceServices",
                columns: table => new
                {
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceServices", x => new { x.ResourceId, x.ServiceId });
                    table.ForeignKey(
                        name: "FK_ResourceServices_Resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResourceServices_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AppointmentChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppointmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FromStart = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ToStart = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FromResourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToResourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppointmentChanges_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentChanges_AppointmentId",
                table: "AppointmentChanges",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentChanges_IdempotencyKey",
                table: "AppointmentChanges",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentChanges_Kind_At",
                table: "AppointmentChanges",
                columns: new[] { "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_CustomerId_Start",
                table: "Appointments",
                columns: new[] { "CustomerId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Reference",
                table: "Appointments",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ResourceId_BlockedStart",
                table: "Appointments",
                columns: new[] { "ResourceId", "BlockedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ServiceId",
                table: "Appointments",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Status_Start",
                table: "Appointments",
                columns: new[] { "Status", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessEvents_EventId",
                table: "BusinessEvents",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BusinessEvents_Status_NextAttemptAt",
                table: "BusinessEvents",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Resources_BusinessId_Code",
                table: "Resources",
                columns: new[] { "BusinessId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResourceServices_ServiceId",
                table: "ResourceServices",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduleOverrides_BusinessId_Date",
                table: "ScheduleOverrides",
                columns: new[] { "BusinessId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduleOverrides_ResourceId",
                table: "ScheduleOverrides",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_Services_BusinessId_Code",
                table: "Services",
                columns: new[] { "BusinessId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlotHolds_ExpiresAt",
                table: "SlotHolds",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_SlotHolds_Holder",
                table: "SlotHolds",
                column: "Holder",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlotHolds_ResourceId_BlockedStart",
                table: "SlotHolds",
                columns: new[] { "ResourceId", "BlockedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyBreaks_ResourceId",
                table: "WeeklyBreaks",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyHours_ResourceId_Day",
                table: "WeeklyHours",
                columns: new[] { "ResourceId", "Day" });

            // The database itself refuses a double booking, whoever writes (the bot, the admin API, an
            // import, a second instance): two booked or completed appointments on one resource whose
            // blocked times (buffers included) overlap. SQLite runs one writer at a time, so the check
            // and the write cannot interleave with another writer's. No appointment blocks more than a
            // week, so the check reads only the resource's bookings of the week before, not its history.
            foreach (var (name, when) in new[]
            {
                ("Appointments_no_overlap_insert", "BEFORE INSERT ON \"Appointments\""),
                ("Appointments_no_overlap_update", "BEFORE UPDATE OF \"ResourceId\", \"BlockedStart\", \"BlockedEnd\", \"Status\" ON \"Appointments\""),
            })
            {
                migrationBuilder.Sql($$"""
                    CREATE TRIGGER "{{name}}" {{when}}
                    WHEN NEW."Status" IN (0, 1)
                    BEGIN
                        SELECT RAISE(ABORT, 'appointment too long: an appointment blocks its resource for at most 7 days')
                        WHERE NEW."BlockedEnd" > datetime(NEW."BlockedStart", '+7 days');
                        SELECT RAISE(ABORT, 'double booking: the resource is already booked at that time')
                        WHERE EXISTS (
                            SELECT 1 FROM "Appointments" AS a
                            WHERE a."ResourceId" = NEW."ResourceId" AND a."Id" <> NEW."Id" AND a."Status" IN (0, 1)
                              AND a."BlockedStart" > datetime(NEW."BlockedStart", '-7 days')
                              AND a."BlockedStart" < NEW."BlockedEnd" AND NEW."BlockedStart" < a."BlockedEnd");
                    END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Appointments_no_overlap_insert\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Appointments_no_overlap_update\";");

            migrationBuilder.DropTable(
                name: "AppointmentChanges");

            migrationBuilder.DropTable(
                name: "BusinessEvents");

            migrationBuilder.DropTable(
                name: "ResourceServices");

            migrationBuilder.DropTable(
                name: "ScheduleOverrides");

            migrationBuilder.DropTable(
                name: "SlotHolds");

            migrationBuilder.DropTable(
                name: "WeeklyBreaks");

            migrationBuilder.DropTable(
                name: "WeeklyHours");

            migrationBuilder.DropTable(
                name: "Appointments");

            migrationBuilder.DropTable(
                name: "Resources");

            migrationBuilder.DropTable(
                name: "Services");
        }
    }
}
