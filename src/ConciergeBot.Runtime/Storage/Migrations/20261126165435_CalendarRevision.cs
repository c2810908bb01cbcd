using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConciergeBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CalendarRevision : Migration
    {
        /// <summary>
        /// The tables a cached calendar is made of (see ScheduleCalendarCache): any change to one of
        /// them, by any writer (the bot, the admin API, an import, another process), bumps the revision.
        /// </summary>
        private static readonly string[] CalendarTables =
            ["Services", "Resources", "ResourceServices", "WeeklyHours", "WeeklyBreaks", "ScheduleOverrides"];

        private static readonly string[] Operations = ["INSERT", "UPDATE", "DELETE"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One row, outside the EF model: only SQL reads and writes it. A cache compares the
            // revision it was read at with this one, a single-row read, instead of reloading the calendar.
            migrationBuilder.Sql("""
                CREATE TABLE "CalendarRevision" (
                    "Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1),
                    "Revision" INTEGER NOT NULL
                );
                """);
            migrationBuilder.Sql("""INSERT INTO "CalendarRevision" ("Id", "Revision") VALUES (1, 0);""");

            foreach (var table in CalendarTables)
            {
                foreach (var operation in Operations)
                {
                    migrationBuilder.Sql($$"""
                        CREATE TRIGGER "{{table}}_calendar_revision_{{operation.ToLowerInvariant()}}" AFTER {{operation}} ON "{{table}}"
                        BEGIN
                            UPDATE "CalendarRevision" SET "Revision" = "Revision" + 1 WHERE "Id" = 1;
                        END;
                        """);
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in CalendarTables)
            {
                foreach (var operation in Operations)
                {
                    migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_calendar_revision_{operation.ToLowerInvariant()}";""");
                }
            }

            migrationBuilder.Sql("""DROP TABLE IF EXISTS "CalendarRevision";""");
        }
    }
}
