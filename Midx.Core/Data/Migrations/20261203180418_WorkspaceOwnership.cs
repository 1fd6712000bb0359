using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Midx.Core.Data.Migrations
{
    /// <summary>
    /// Accounts, posts and pending links belong to their workspace (foreign keys, now that every row has one), and who
    /// linked or composed them becomes history: a shared workspace keeps them when that person leaves Midx. On SQLite the
    /// tables are rebuilt for this, in a migration of its own after the data moved. The console's workspace list gets its index.
    /// </summary>
    public partial class WorkspaceOwnership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PublishJobs_Users_UserId",
                table: "PublishJobs");

            migrationBuilder.DropForeignKey(
                name: "FK_TikTokAccounts_Users_UserId",
                table: "TikTokAccounts");

            migrationBuilder.DropIndex(
                name: "IX_Workspaces_CreatedAt",
                table: "Workspaces");

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "TikTokAccounts",
                nullable: true,
                oldClrType: typeof(Guid));

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "PublishJobs",
                nullable: true,
                oldClrType: typeof(Guid));

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "ConsentRecords",
                nullable: true,
                oldClrType: typeof(Guid));

            migrationBuilder.CreateIndex(
                name: "IX_Workspaces_IsPersonal_CreatedAt_Id",
                table: "Workspaces",
                columns: new[] { "IsPersonal", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OAuthLinkStates_WorkspaceId",
                table: "OAuthLinkStates",
                column: "WorkspaceId");

            migrationBuilder.AddForeignKey(
                name: "FK_OAuthLinkStates_Workspaces_WorkspaceId",
                table: "OAuthLinkStates",
                column: "WorkspaceId",
                principalTable: "Workspaces",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PublishJobs_Users_UserId",
                table: "PublishJobs",
                column: "UserId",
                principalTable: "Users",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_PublishJobs_Workspaces_WorkspaceId",
                table: "PublishJobs",
                column: "WorkspaceId",
                principalTable: "Workspaces",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_TikTokAccounts_Users_UserId",
                table: "TikTokAccounts",
                column: "UserId",
                principalTable: "Users",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_TikTokAccounts_Workspaces_WorkspaceId",
                table: "TikTokAccounts",
                column: "WorkspaceId",
                principalTable: "Workspaces",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OAuthLinkStates_Workspaces_WorkspaceId",
                table: "OAuthLinkStates");

            migrationBuilder.DropForeignKey(
                name: "FK_PublishJobs_Users_UserId",
                table: "PublishJobs");

            migrationBuilder.DropForeignKey(
                name: "FK_PublishJobs_Workspaces_WorkspaceId",
                table: "PublishJobs");

            migrationBuilder.DropForeignKey(
                name: "FK_TikTokAccounts_Users_UserId",
                table: "TikTokAccounts");

            migrationBuilder.DropForeignKey(
                name: "FK_TikTokAccounts_Workspaces_WorkspaceId",
                table: "TikTokAccounts");

            migrationBuilder.DropIndex(
                name: "IX_Workspaces_IsPersonal_CreatedAt_Id",
                table: "Workspaces");

            migrationBuilder.DropIndex(
                name: "IX_OAuthLinkStates_WorkspaceId",
                table: "OAuthLinkStates");

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "TikTokAccounts",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "PublishJobs",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "ConsentRecords",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Workspaces_CreatedAt",
                table: "Workspaces",
                column: "CreatedAt");

            migrationBuilder.AddForeignKey(
                name: "FK_PublishJobs_Users_UserId",
                table: "PublishJobs",
                column: "UserId",
                principalTable: "Users",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_TikTokAccounts_Users_UserId",
                table: "TikTokAccounts",
                column: "UserId",
                principalTable: "Users",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
