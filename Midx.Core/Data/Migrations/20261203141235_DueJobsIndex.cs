using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Midx.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class DueJobsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PublishJobs_State_CreatedAt",
                table: "PublishJobs");

            migrationBuilder.CreateIndex(
                name: "IX_PublishJobs_State_CreatedAt_Id",
                table: "PublishJobs",
                columns: new[] { "State", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishJobs_State_NextPollAt",
                table: "PublishJobs",
                columns: new[] { "State", "NextPollAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PublishJobs_State_CreatedAt_Id",
                table: "PublishJobs");

            migrationBuilder.DropIndex(
                name: "IX_PublishJobs_State_NextPollAt",
                table: "PublishJobs");

            migrationBuilder.CreateIndex(
                name: "IX_PublishJobs_State_CreatedAt",
                table: "PublishJobs",
                columns: new[] { "State", "CreatedAt" });
        }
    }
}
