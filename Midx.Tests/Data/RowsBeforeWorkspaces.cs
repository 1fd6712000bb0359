using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Midx.Core.Data;

namespace Midx.Tests.Data;

/// <summary>
/// Writes rows into a database migrated to a schema from before workspaces, as the code of that time wrote them: every
/// column today's model maps except those the Workspaces migration and the later ones added. Each value goes through the column's own
/// type mapping, so SQLite and PostgreSQL get exactly what Entity Framework would have sent them.
/// </summary>
internal static class RowsBeforeWorkspaces
{
    private static readonly HashSet<string> AddedSince =
        ["WorkspaceId", "RequiresReview", "ReviewComment", "ApprovedByUserId", "ApprovedAt", "ApprovalDeclarationText", "ApprovalShownJson",
        "ApiKeyId", "CallerConsentText", "LinkedThroughApp", "ConnectLinkId"];

    public static async Task InsertAsync<T>(MidxDbContext db, params T[] rows) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => !AddedSince.Contains(p.Name)).ToList();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync();
        }

        foreach (var row in rows)
        {
            await using DbCommand command = connection.CreateCommand();
            var names = columns.Select(c => $"\"{c.GetColumnName(table)}\"");
            var values = columns.Select((_, i) => $"@p{i}");
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", names)}) VALUES ({string.Join(", ", values)})";
            for (var i = 0; i < columns.Count; i++)
            {
                var value = columns[i].PropertyInfo!.GetValue(row);
                command.Parameters.Add(columns[i].GetRelationalTypeMapping().CreateParameter(command, $"p{i}", value, columns[i].IsNullable));
            }

            await command.ExecuteNonQueryAsync();
        }
    }
}
