using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Midx.Core.Data.Migrations
{
    /// <summary>
    /// Workspaces, their members and invitations. Every existing person gets their personal workspace, keyed by their own
    /// id and with them as its Owner, and their linked accounts, posts and pending links move into it: a person alone
    /// sees no change.
    /// </summary>
    public partial class Workspaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PublishJobs_UserId_SubmissionKey",
                table: "PublishJobs");

            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                table: "TikTokAccounts",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                table: "PublishJobs",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                table: "OAuthLinkStates",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "Workspaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(maxLength: 80, nullable: false),
                    IsPersonal = table.Column<bool>(nullable: false),
                    InboxDraftsOnly = table.Column<bool>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workspaces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkspaceInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    WorkspaceId = table.Column<Guid>(nullable: false),
                    Email = table.Column<string>(maxLength: 320, nullable: false),
                    Role = table.Column<string>(maxLength: 16, nullable: false),
                    TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                    InvitedByUserId = table.Column<Guid>(nullable: true),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    ExpiresAt = table.Column<DateTime>(nullable: false),
                    AcceptedAt = table.Column<DateTime>(nullable: true),
                    AcceptedByUserId = table.Column<Guid>(nullable: true),
                    RevokedAt = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkspaceInvitations_Users_AcceptedByUserId",
                        column: x => x.AcceptedByUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WorkspaceInvitations_Users_InvitedByUserId",
                        column: x => x.InvitedByUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WorkspaceInvitations_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkspaceMembers",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(nullable: false),
                    UserId = table.Column<Guid>(nullable: false),
                    Role = table.Column<string>(maxLength: 16, nullable: false),
                    JoinedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceMembers", x => new { x.WorkspaceId, x.UserId });
                    table.ForeignKey(
                        name: "FK_WorkspaceMembers_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkspaceMembers_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql(
                """
                INSERT INTO "Workspaces" ("Id", "Name", "IsPersonal", "InboxDraftsOnly", "CreatedAt")
                SELECT "Id", 'Personal', TRUE, FALSE, "CreatedAt" FROM "Users";
                INSERT INTO "WorkspaceMembers" ("WorkspaceId", "UserId", "Role", "JoinedAt")
                SELECT "Id", "Id", 'Owner', "CreatedAt" FROM "Users";
                UPDATE "TikTokAccounts" SET "WorkspaceId" = "UserId";
                UPDATE "PublishJobs" SET "WorkspaceId" = "UserId";
                UPDATE "OAuthLinkStates" SET "WorkspaceId" = "UserId";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_TikTokAccounts_WorkspaceId",
                table: "TikTokAccounts",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_PublishJobs_UserId",
                table: "PublishJobs",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PublishJobs_WorkspaceId_CreatedAt",
                table: "PublishJobs",
                columns: new[] { "WorkspaceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishJobs_WorkspaceId_SubmissionKey",
                table: "PublishJobs",
                columns: new[] { "WorkspaceId", "SubmissionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceInvitations_AcceptedByUserId",
                table: "WorkspaceInvitations",
                column: "AcceptedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceInvitations_InvitedByUserId",
                table: "WorkspaceInvitations",
                column: "InvitedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceInvitations_TokenHash",
                table: "WorkspaceInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceInvitations_WorkspaceId_CreatedAt",
                table: "WorkspaceInvitations",
                columns: new[] { "WorkspaceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceMembers_UserId_Role",
                table: "WorkspaceMembers",
                columns: new[] { "UserId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_Workspaces_CreatedAt",
                table: "Workspaces",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkspaceInvitations");

            migrationBuilder.DropTable(
                name: "WorkspaceMembers");

            migrationBuilder.DropTable(
                name: "Workspaces");

            migrationBuilder.DropIndex(
                name: "IX_TikTokAccounts_WorkspaceId",
                table: "TikTokAccounts");

            migrationBuilder.DropIndex(
                name: "IX_PublishJobs_UserId",
                table: "PublishJobs");

            migrationBuilder.DropIndex(
                name: "IX_PublishJobs_WorkspaceId_CreatedAt",
                table: "PublishJobs");

            migrationBuilder.DropIndex(
                name: "IX_PublishJobs_WorkspaceId_SubmissionKey",
                table: "PublishJobs");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                table: "TikTokAccounts");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                table: "PublishJobs");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                table: "OAuthLinkStates");

            migrationBuilder.CreateIndex(
                name: "IX_PublishJobs_UserId_SubmissionKey",
                table: "PublishJobs",
                columns: new[] { "UserId", "SubmissionKey" },
                unique: true);
        }
    }
}
