using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Midx.Core.Data.Migrations;

/// <summary>
/// The key ring moves from Midx's own <c>DataProtectionKeys</c> table (a client-made GUID key) to the table of
/// <c>PersistKeysToDbContext</c> (an identity key), keeping every key: tokens, sessions and antiforgery tokens protected
/// before stay readable. Scaffolded by <c>dotnet ef migrations add</c>, which proposed altering the key column in place;
/// neither provider can turn a GUID into an identity column, so the rows travel through a holding table instead, with
/// SQL both SQLite and PostgreSQL run. Column types are left to the provider, as in <see cref="InitialCreate"/>.
/// </summary>
public partial class DataProtectionKeysThroughEntityFramework : Migration
{
    private const string HoldingTable = "DataProtectionKeysMoving";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        HoldKeys(migrationBuilder, withId: false);
        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = table.Column<string>(nullable: true),
                Xml = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
            });
        migrationBuilder.Sql($"""
            INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml")
            SELECT "FriendlyName", "Xml" FROM "{HoldingTable}";
            """);
        migrationBuilder.DropTable(name: HoldingTable);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        HoldKeys(migrationBuilder, withId: true);
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

        // The old table's ids were never read, only unique: each key gets one made from its identity value.
        var id = migrationBuilder.IsNpgsql()
            ? """CAST(lpad(CAST("Id" AS text), 32, '0') AS uuid)"""
            : """'00000000-0000-0000-0000-' || printf('%012d', "Id")""";
        migrationBuilder.Sql($"""
            INSERT INTO "DataProtectionKeys" ("Id", "FriendlyName", "Xml")
            SELECT {id}, substr(COALESCE("FriendlyName", ''), 1, 200), "Xml" FROM "{HoldingTable}" WHERE "Xml" IS NOT NULL;
            """);
        migrationBuilder.DropTable(name: HoldingTable);
    }

    /// <summary>
    /// Copies the key rows aside and drops their table, so the table can be created anew under its own name (on
    /// PostgreSQL a renamed table would keep its primary key's name, which the new table needs).
    /// </summary>
    private static void HoldKeys(MigrationBuilder migrationBuilder, bool withId)
    {
        migrationBuilder.CreateTable(
            name: HoldingTable,
            columns: table => new
            {
                FriendlyName = table.Column<string>(nullable: true),
                Xml = table.Column<string>(nullable: true),
            });
        if (withId)
        {
            migrationBuilder.AddColumn<int>(name: "Id", table: HoldingTable, nullable: true);
        }

        var columns = withId ? "\"Id\", \"FriendlyName\", \"Xml\"" : "\"FriendlyName\", \"Xml\"";
        migrationBuilder.Sql($"""
            INSERT INTO "{HoldingTable}" ({columns})
            SELECT {columns} FROM "DataProtectionKeys";
            """);
        migrationBuilder.DropTable(name: "DataProtectionKeys");
    }
}
