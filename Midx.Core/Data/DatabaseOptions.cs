using System.ComponentModel.DataAnnotations;

namespace Midx.Core.Data;

/// <summary>Settings under <c>Midx:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Midx:Database";

    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty for SQLite means <c>{DataFolder}/midx.db</c>; required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
