using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Midx.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class UniquePublishId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A sandbox TikTok that restarted could hand out a publish_id again; of jobs sharing one, only the newest keeps
            // it (it is the one that TikTok knows by that id now). Real TikTok ids never repeat, so this changes nothing there.
            migrationBuilder.Sql("""
                UPDATE "PublishJobs" SET "PublishId" = NULL
                WHERE "PublishId" IS NOT NULL AND EXISTS (
                    SELECT 1 FROM "PublishJobs" AS newer
                    WHERE newer."PublishId" = "PublishJobs"."PublishId"
                      AND (newer."CreatedAt" > "PublishJobs"."CreatedAt"
                           OR (newer."CreatedAt" = "PublishJobs"."CreatedAt" AND newer."Id" > "PublishJobs"."Id")))
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PublishJobs_PublishId",
                table: "PublishJobs",
                column: "PublishId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PublishJobs_PublishId",
                table: "PublishJobs");
        }
    }
}
