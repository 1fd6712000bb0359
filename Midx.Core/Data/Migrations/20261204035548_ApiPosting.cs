using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Midx.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApiPosting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ApiKeyId",
                table: "PublishJobs",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ApiKeyId",
                table: "ConsentRecords",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CallerConsentText",
                table: "ConsentRecords",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PostsCreated",
                table: "ApiKeyUsage",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_PublishJobs_ApiKeyId",
                table: "PublishJobs",
                column: "ApiKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_ApiKeyId",
                table: "ConsentRecords",
                column: "ApiKeyId");

            migrationBuilder.AddForeignKey(
                name: "FK_ConsentRecords_ApiKeys_ApiKeyId",
                table: "ConsentRecords",
                column: "ApiKeyId",
                principalTable: "ApiKeys",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_PublishJobs_ApiKeys_ApiKeyId",
                table: "PublishJobs",
                column: "ApiKeyId",
                principalTable: "ApiKeys",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ConsentRecords_ApiKeys_ApiKeyId",
                table: "ConsentRecords");

            migrationBuilder.DropForeignKey(
                name: "FK_PublishJobs_ApiKeys_ApiKeyId",
                table: "PublishJobs");

            migrationBuilder.DropIndex(
                name: "IX_PublishJobs_ApiKeyId",
                table: "PublishJobs");

            migrationBuilder.DropIndex(
                name: "IX_ConsentRecords_ApiKeyId",
                table: "ConsentRecords");

            migrationBuilder.DropColumn(
                name: "ApiKeyId",
                table: "PublishJobs");

            migrationBuilder.DropColumn(
                name: "ApiKeyId",
                table: "ConsentRecords");

            migrationBuilder.DropColumn(
                name: "CallerConsentText",
                table: "ConsentRecords");

            migrationBuilder.DropColumn(
                name: "PostsCreated",
                table: "ApiKeyUsage");
        }
    }
}
