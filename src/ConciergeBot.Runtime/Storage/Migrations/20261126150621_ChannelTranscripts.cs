using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConciergeBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ChannelTranscripts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChannelActivities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientActivityId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ActivityJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChannelConversations",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelConversations", x => new { x.Channel, x.Id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelActivities_Channel_ConversationId_ClientActivityId",
                table: "ChannelActivities",
                columns: new[] { "Channel", "ConversationId", "ClientActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelActivities_Channel_ConversationId_Sequence",
                table: "ChannelActivities",
                columns: new[] { "Channel", "ConversationId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChannelActivities");

            migrationBuilder.DropTable(
                name: "ChannelConversations");
        }
    }
}
