using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConciergeBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class BusinessEventClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "BusinessEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntil",
                table: "BusinessEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_BusinessEvents_Status_Id",
                table: "BusinessEvents",
                columns: new[] { "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BusinessEvents_Status_Id",
                table: "BusinessEvents");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "BusinessEvents");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "BusinessEvents");
        }
    }
}
