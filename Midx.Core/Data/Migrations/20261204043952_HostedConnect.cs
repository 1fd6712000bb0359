using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Midx.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class HostedConnect : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LinkedThroughApp",
                table: "TikTokAccounts",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "OAuthLinkStates",
                nullable: true,
                oldClrType: typeof(Guid));

            migrationBuilder.AddColumn<Guid>(
                name: "ConnectLinkId",
                table: "OAuthLinkStates",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ApiApps",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    WorkspaceId = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(maxLength: 80, nullable: false),
                    RedirectUrls = table.Column<string>(nullable: false),
                    CreatedByUserId = table.Column<Guid>(nullable: true),
                    CreatedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiApps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiApps_Users_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ApiApps_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConnectLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    WorkspaceId = table.Column<Guid>(nullable: false),
                    AppId = table.Column<Guid>(nullable: false),
                    KeyId = table.Column<Guid>(nullable: true),
                    TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                    RedirectUrl = table.Column<string>(maxLength: 2000, nullable: false),
                    State = table.Column<string>(maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    ExpiresAt = table.Column<DateTime>(nullable: false),
                    UsedAt = table.Column<DateTime>(nullable: true),
                    TikTokAccountId = table.Column<Guid>(nullable: true),
                    ErrorCode = table.Column<string>(maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectLinks_ApiApps_AppId",
                        column: x => x.AppId,
                        principalTable: "ApiApps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConnectLinks_ApiKeys_KeyId",
                        column: x => x.KeyId,
                        principalTable: "ApiKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ConnectLinks_TikTokAccounts_TikTokAccountId",
                        column: x => x.TikTokAccountId,
                        principalTable: "TikTokAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ConnectLinks_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OAuthLinkStates_ConnectLinkId",
                table: "OAuthLinkStates",
                column: "ConnectLinkId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiApps_CreatedByUserId",
                table: "ApiApps",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiApps_WorkspaceId_CreatedAt",
                table: "ApiApps",
                columns: new[] { "WorkspaceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectLinks_AppId",
                table: "ConnectLinks",
                column: "AppId");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectLinks_ExpiresAt",
                table: "ConnectLinks",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectLinks_KeyId",
                table: "ConnectLinks",
                column: "KeyId");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectLinks_TikTokAccountId",
                table: "ConnectLinks",
                column: "TikTokAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectLinks_TokenHash",
                table: "ConnectLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConnectLinks_WorkspaceId",
                table: "ConnectLinks",
                column: "WorkspaceId");

            migrationBuilder.AddForeignKey(
                name: "FK_OAuthLinkStates_ConnectLinks_ConnectLinkId",
                table: "OAuthLinkStates",
                column: "ConnectLinkId",
                principalTable: "ConnectLinks",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OAuthLinkStates_ConnectLinks_ConnectLinkId",
                table: "OAuthLinkStates");

            migrationBuilder.DropTable(
                name: "ConnectLinks");

            migrationBuilder.DropTable(
                name: "ApiApps");

            migrationBuilder.DropIndex(
                name: "IX_OAuthLinkStates_ConnectLinkId",
                table: "OAuthLinkStates");

            migrationBuilder.DropColumn(
                name: "LinkedThroughApp",
                table: "TikTokAccounts");

            migrationBuilder.DropColumn(
                name: "ConnectLinkId",
                table: "OAuthLinkStates");

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "OAuthLinkStates",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldNullable: true);
        }
    }
}
