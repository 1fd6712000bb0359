using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Midx.Core.Data.Migrations
{
    /// <summary>
    /// Drops the upload_url (it carries TikTok's upload token) from jobs saved before ApplyJobChangeCommand dropped it
    /// itself: every state where JobStateMachine.UploadUrlSpent holds. A migration runs once, so the states are written
    /// out as they are today rather than read from the rule, which may change later.
    /// </summary>
    public partial class ClearSpentUploadUrls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                UPDATE "PublishJobs" SET "UploadUrl" = NULL
                WHERE "UploadUrl" IS NOT NULL
                  AND "State" IN ('Processing', 'SentToInbox', 'Published', 'Failed', 'Cancelled');
                """);
        }

        /// <summary>Nothing to put back: a spent upload_url is gone, and no code may send to it again.</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
