using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConciergeBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ReminderPerAppointmentTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CheckIns_AppointmentId_Kind",
                table: "CheckIns");

            migrationBuilder.AddColumn<DateTime>(
                name: "AppointmentStart",
                table: "CheckIns",
                type: "TEXT",
                nullable: true);

            // Rows planned before this knew their appointment's time only through the appointment.
            migrationBuilder.Sql("""
                UPDATE "CheckIns" SET "AppointmentStart" = (SELECT a."Start" FROM "Appointments" a WHERE a."Id" = "CheckIns"."AppointmentId")
                WHERE "AppointmentId" IS NOT NULL
                """);

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_AppointmentId_Kind_AppointmentStart",
                table: "CheckIns",
                columns: new[] { "AppointmentId", "Kind", "AppointmentStart" },
                unique: true,
                filter: "\"AppointmentId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CheckIns_AppointmentId_Kind_AppointmentStart",
                table: "CheckIns");

            migrationBuilder.DropColumn(
                name: "AppointmentStart",
                table: "CheckIns");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_AppointmentId_Kind",
                table: "CheckIns",
                columns: new[] { "AppointmentId", "Kind" },
                unique: true,
                filter: "\"AppointmentId\" IS NOT NULL");
        }
    }
}
