using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Midx.Core.Data.Migrations;

// Written by hand (Microsoft.EntityFrameworkCore.Design cannot be restored here). Column types are left to the
// provider so the same migration runs on SQLite and PostgreSQL; MigrationsTests proves it matches the model.
[DbContext(typeof(MidxDbContext))]
[Migration("20261122000000_InitialCreate")]
public sealed class InitialCreate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Action = table.Column<string>(nullable: false, maxLength: 64),
                ActorUserId = table.Column<Guid>(nullable: true),
                At = table.Column<DateTime>(nullable: false),
                Detail = table.Column<string>(nullable: true, maxLength: 1000),
                SubjectUserId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEvents", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FriendlyName = table.Column<string>(nullable: false, maxLength: 200),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Users",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AvatarUrl = table.Column<string>(nullable: true, maxLength: 2048),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Email = table.Column<string>(nullable: false, maxLength: 320),
                GoogleSubject = table.Column<string>(nullable: false, maxLength: 255),
                IsAdmin = table.Column<bool>(nullable: false),
                IsDisabled = table.Column<bool>(nullable: false),
                LastSeenAt = table.Column<DateTime>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 200),
                SecurityStamp = table.Column<string>(nullable: false, maxLength: 64),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Users", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "WorkerHeartbeats",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false, maxLength: 200),
                Detail = table.Column<string>(nullable: true, maxLength: 500),
                Instance = table.Column<string>(nullable: false, maxLength: 100),
                LastBeatAt = table.Column<DateTime>(nullable: false),
                Worker = table.Column<string>(nullable: false, maxLength: 100),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkerHeartbeats", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "OAuthLinkStates",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false, maxLength: 128),
                CodeVerifier = table.Column<string>(nullable: false, maxLength: 128),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OAuthLinkStates", x => x.Id);
                table.ForeignKey(
                    name: "FK_OAuthLinkStates_Users_UserId",
                    column: x => x.UserId,
                    principalTable: "Users",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TikTokAccounts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AccessTokenCipher = table.Column<string>(nullable: true),
                AccessTokenExpiresAt = table.Column<DateTime>(nullable: true),
                AvatarUrl = table.Column<string>(nullable: true, maxLength: 2048),
                ConnectedAt = table.Column<DateTime>(nullable: false),
                DisplayName = table.Column<string>(nullable: true, maxLength: 200),
                GrantedScopes = table.Column<string>(nullable: false, maxLength: 500),
                LastRefreshedAt = table.Column<DateTime>(nullable: true),
                LastSeenAt = table.Column<DateTime>(nullable: false),
                NextRefreshAttemptAt = table.Column<DateTime>(nullable: true),
                NextStatusPollAt = table.Column<DateTime>(nullable: true),
                OpenId = table.Column<string>(nullable: false, maxLength: 128),
                RefreshFailures = table.Column<int>(nullable: false),
                RefreshTokenCipher = table.Column<string>(nullable: true),
                RefreshTokenExpiresAt = table.Column<DateTime>(nullable: true),
                TokenProblem = table.Column<string>(nullable: true, maxLength: 500),
                TokenState = table.Column<string>(nullable: false, maxLength: 32),
                UnionId = table.Column<string>(nullable: true, maxLength: 128),
                UserId = table.Column<Guid>(nullable: false),
                Username = table.Column<string>(nullable: true, maxLength: 100),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TikTokAccounts", x => x.Id);
                table.ForeignKey(
                    name: "FK_TikTokAccounts_Users_UserId",
                    column: x => x.UserId,
                    principalTable: "Users",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PublishJobs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BrandContentToggle = table.Column<bool>(nullable: false),
                BrandOrganicToggle = table.Column<bool>(nullable: false),
                BytesUploaded = table.Column<long>(nullable: false),
                Caption = table.Column<string>(nullable: false, maxLength: 2200),
                CompletedAt = table.Column<DateTime>(nullable: true),
                CoverTimestampMs = table.Column<int>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                DisableComment = table.Column<bool>(nullable: false),
                DisableDuet = table.Column<bool>(nullable: false),
                DisableStitch = table.Column<bool>(nullable: false),
                DurationMs = table.Column<int>(nullable: true),
                ErrorCode = table.Column<string>(nullable: true, maxLength: 100),
                ErrorLogId = table.Column<string>(nullable: true, maxLength: 100),
                ErrorMessage = table.Column<string>(nullable: true, maxLength: 1000),
                FileName = table.Column<string>(nullable: true, maxLength: 255),
                FileSize = table.Column<long>(nullable: false),
                InitStartedAt = table.Column<DateTime>(nullable: true),
                IsAigc = table.Column<bool>(nullable: false),
                LeaseExpiresAt = table.Column<DateTime>(nullable: true),
                LeaseOwner = table.Column<string>(nullable: true, maxLength: 100),
                MediaPath = table.Column<string>(nullable: true, maxLength: 1024),
                MimeType = table.Column<string>(nullable: true, maxLength: 100),
                Mode = table.Column<string>(nullable: false, maxLength: 16),
                NextPollAt = table.Column<DateTime>(nullable: true),
                PrivacyLevel = table.Column<string>(nullable: true, maxLength: 64),
                PublicPostId = table.Column<string>(nullable: true, maxLength: 64),
                PublishId = table.Column<string>(nullable: true, maxLength: 128),
                RetryOfJobId = table.Column<Guid>(nullable: true),
                ScheduledAt = table.Column<DateTime>(nullable: true),
                Source = table.Column<string>(nullable: false, maxLength: 16),
                SourceUrl = table.Column<string>(nullable: true, maxLength: 2048),
                State = table.Column<string>(nullable: false, maxLength: 32),
                SubmissionKey = table.Column<string>(nullable: false, maxLength: 64),
                TikTokAccountId = table.Column<Guid>(nullable: true),
                TikTokStatus = table.Column<string>(nullable: true, maxLength: 64),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UploadUrl = table.Column<string>(nullable: true, maxLength: 2048),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PublishJobs", x => x.Id);
                table.ForeignKey(
                    name: "FK_PublishJobs_TikTokAccounts_TikTokAccountId",
                    column: x => x.TikTokAccountId,
                    principalTable: "TikTokAccounts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_PublishJobs_Users_UserId",
                    column: x => x.UserId,
                    principalTable: "Users",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ConsentRecords",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AgreedAt = table.Column<DateTime>(nullable: false),
                CreatorNickname = table.Column<string>(nullable: false, maxLength: 200),
                CreatorUsername = table.Column<string>(nullable: true, maxLength: 100),
                DeclarationText = table.Column<string>(nullable: false, maxLength: 1000),
                JobId = table.Column<Guid>(nullable: false),
                ShownJson = table.Column<string>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConsentRecords", x => x.Id);
                table.ForeignKey(
                    name: "FK_ConsentRecords_PublishJobs_JobId",
                    column: x => x.JobId,
                    principalTable: "PublishJobs",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PublishEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                BytesUploaded = table.Column<long>(nullable: true),
                ErrorCode = table.Column<string>(nullable: true, maxLength: 100),
                JobId = table.Column<Guid>(nullable: false),
                LogId = table.Column<string>(nullable: true, maxLength: 100),
                Message = table.Column<string>(nullable: true, maxLength: 1000),
                State = table.Column<string>(nullable: false, maxLength: 32),
                TikTokStatus = table.Column<string>(nullable: true, maxLength: 64),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PublishEvents", x => x.Id);
                table.ForeignKey(
                    name: "FK_PublishEvents_PublishJobs_JobId",
                    column: x => x.JobId,
                    principalTable: "PublishJobs",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AuditEvents_At",
            table: "AuditEvents",
            column: "At");

        migrationBuilder.CreateIndex(
            name: "IX_AuditEvents_Action_At",
            table: "AuditEvents",
            columns: new[] { "Action", "At" });

        migrationBuilder.CreateIndex(
            name: "IX_AuditEvents_ActorUserId_At",
            table: "AuditEvents",
            columns: new[] { "ActorUserId", "At" });

        migrationBuilder.CreateIndex(
            name: "IX_AuditEvents_SubjectUserId_At",
            table: "AuditEvents",
            columns: new[] { "SubjectUserId", "At" });

        migrationBuilder.CreateIndex(
            name: "IX_Users_Email",
            table: "Users",
            column: "Email");

        migrationBuilder.CreateIndex(
            name: "IX_Users_GoogleSubject",
            table: "Users",
            column: "GoogleSubject",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_OAuthLinkStates_ExpiresAt",
            table: "OAuthLinkStates",
            column: "ExpiresAt");

        migrationBuilder.CreateIndex(
            name: "IX_OAuthLinkStates_UserId",
            table: "OAuthLinkStates",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_TikTokAccounts_OpenId",
            table: "TikTokAccounts",
            column: "OpenId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_TikTokAccounts_TokenState_AccessTokenExpiresAt",
            table: "TikTokAccounts",
            columns: new[] { "TokenState", "AccessTokenExpiresAt" });

        migrationBuilder.CreateIndex(
            name: "IX_TikTokAccounts_TokenState_RefreshFailures",
            table: "TikTokAccounts",
            columns: new[] { "TokenState", "RefreshFailures" });

        migrationBuilder.CreateIndex(
            name: "IX_TikTokAccounts_UserId",
            table: "TikTokAccounts",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_PublishJobs_CreatedAt_Id",
            table: "PublishJobs",
            columns: new[] { "CreatedAt", "Id" });

        migrationBuilder.CreateIndex(
            name: "IX_PublishJobs_ErrorCode",
            table: "PublishJobs",
            column: "ErrorCode");

        migrationBuilder.CreateIndex(
            name: "IX_PublishJobs_TikTokAccountId",
            table: "PublishJobs",
            column: "TikTokAccountId");

        migrationBuilder.CreateIndex(
            name: "IX_PublishJobs_ErrorCode_CreatedAt",
            table: "PublishJobs",
            columns: new[] { "ErrorCode", "CreatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_PublishJobs_TikTokAccountId_CreatedAt",
            table: "PublishJobs",
            columns: new[] { "TikTokAccountId", "CreatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_PublishJobs_State_UpdatedAt",
            table: "PublishJobs",
            columns: new[] { "State", "UpdatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_PublishJobs_State_CreatedAt",
            table: "PublishJobs",
            columns: new[] { "State", "CreatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_PublishJobs_State_ScheduledAt",
            table: "PublishJobs",
            columns: new[] { "State", "ScheduledAt" });

        migrationBuilder.CreateIndex(
            name: "IX_PublishJobs_UserId_CreatedAt",
            table: "PublishJobs",
            columns: new[] { "UserId", "CreatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_PublishJobs_UserId_SubmissionKey",
            table: "PublishJobs",
            columns: new[] { "UserId", "SubmissionKey" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ConsentRecords_JobId",
            table: "ConsentRecords",
            column: "JobId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ConsentRecords_UserId",
            table: "ConsentRecords",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_PublishEvents_At",
            table: "PublishEvents",
            column: "At");

        migrationBuilder.CreateIndex(
            name: "IX_PublishEvents_JobId_At",
            table: "PublishEvents",
            columns: new[] { "JobId", "At" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PublishEvents");
        migrationBuilder.DropTable(name: "ConsentRecords");
        migrationBuilder.DropTable(name: "PublishJobs");
        migrationBuilder.DropTable(name: "TikTokAccounts");
        migrationBuilder.DropTable(name: "OAuthLinkStates");
        migrationBuilder.DropTable(name: "WorkerHeartbeats");
        migrationBuilder.DropTable(name: "Users");
        migrationBuilder.DropTable(name: "DataProtectionKeys");
        migrationBuilder.DropTable(name: "AuditEvents");
    }
}
