using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Midx.Core.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the app (which needs a master key and
/// configuration). SQLite needs no server, but the tool then writes SQLite column types (<c>TEXT</c>, <c>INTEGER</c>)
/// into the migration, its designer file and the snapshot: delete them (README, "Migrations"), so the same migration
/// runs on PostgreSQL. MigrationsTests and PostgresMigrationsTests fail while any is left.
/// </summary>
internal sealed class MidxDesignTimeDbContextFactory : IDesignTimeDbContextFactory<MidxDbContext>
{
    public MidxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MidxDbContext>().UseSqlite("Data Source=:memory:").Options);
}
