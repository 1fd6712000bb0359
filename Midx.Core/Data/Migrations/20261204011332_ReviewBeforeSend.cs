using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Midx.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewBeforeSend : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RequiresReview",
                table: "Workspaces",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ReviewComment",
                table: "PublishJobs",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovalDeclarationText",
                table: "ConsentRecords",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovalShownJson",
                table: "ConsentRecords",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ApprovedAt",
                table: "ConsentRecords",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ApprovedByUserId",
                table: "ConsentRecords",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishJobs_WorkspaceId_State_CreatedAt",
                table: "PublishJobs",
                columns: new[] { "WorkspaceId", "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_ApprovedByUserId",
                table: "ConsentRecords",
                column: "ApprovedByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PublishJobs_WorkspaceId_State_CreatedAt",
                table: "PublishJobs");

            migrationBuilder.DropIndex(
                name: "IX_ConsentRecords_ApprovedByUserId",
                table: "ConsentRecords");

            migrationBuilder.DropColumn(
                name: "RequiresReview",
                table: "Workspaces");

            migrationBuilder.DropColumn(
                name: "ReviewComment",
                table: "PublishJobs");

            migrationBuilder.DropColumn(
                name: "ApprovalDeclarationText",
                table: "ConsentRecords");

            migrationBuilder.DropColumn(
                name: "ApprovalShownJson",
                table: "ConsentRecords");

            migrationBuilder.DropColumn(
                name: "ApprovedAt",
                table: "ConsentRecords");

            migrationBuilder.DropColumn(
                name: "ApprovedByUserId",
                table: "ConsentRecords");
        }
    }
}
