using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Midx.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Webhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WebhookEndpoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    WorkspaceId = table.Column<Guid>(nullable: false),
                    Url = table.Column<string>(maxLength: 2048, nullable: false),
                    Events = table.Column<string>(maxLength: 200, nullable: false),
                    SecretCipher = table.Column<string>(maxLength: 1000, nullable: false),
                    CreatedByUserId = table.Column<Guid>(nullable: true),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    DisabledAt = table.Column<DateTime>(nullable: true),
                    DisabledReason = table.Column<string>(maxLength: 16, nullable: true),
                    ConsecutiveFailures = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookEndpoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebhookEndpoints_Users_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WebhookEndpoints_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WebhookDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    EndpointId = table.Column<Guid>(nullable: false),
                    EventId = table.Column<Guid>(nullable: false),
                    EventType = table.Column<string>(maxLength: 40, nullable: false),
                    Payload = table.Column<string>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    Status = table.Column<string>(maxLength: 16, nullable: false),
                    NextAttemptAt = table.Column<DateTime>(nullable: true),
                    LeaseOwner = table.Column<string>(maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<DateTime>(nullable: true),
                    Attempts = table.Column<int>(nullable: false),
                    LastAttemptAt = table.Column<DateTime>(nullable: true),
                    LastStatusCode = table.Column<int>(nullable: true),
                    LastDurationMs = table.Column<int>(nullable: true),
                    LastErrorCode = table.Column<string>(maxLength: 64, nullable: true),
                    LastResponseExcerpt = table.Column<string>(maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebhookDeliveries_WebhookEndpoints_EndpointId",
                        column: x => x.EndpointId,
                        principalTable: "WebhookEndpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_EndpointId_CreatedAt",
                table: "WebhookDeliveries",
                columns: new[] { "EndpointId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_Status_NextAttemptAt",
                table: "WebhookDeliveries",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookEndpoints_CreatedByUserId",
                table: "WebhookEndpoints",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookEndpoints_WorkspaceId_CreatedAt",
                table: "WebhookEndpoints",
                columns: new[] { "WorkspaceId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WebhookDeliveries");

            migrationBuilder.DropTable(
                name: "WebhookEndpoints");
        }
    }
}
