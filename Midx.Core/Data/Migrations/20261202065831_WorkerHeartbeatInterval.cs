using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Midx.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkerHeartbeatInterval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeSpan>(
                name: "Interval",
                table: "WorkerHeartbeats",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Interval",
                table: "WorkerHeartbeats");
        }
    }
}
