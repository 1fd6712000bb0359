using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Midx.Tests.Support;

/// <summary>Counts the SQL commands a <c>DbContext</c> sends, for tests that prove a query is one round trip.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => _count;

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }
}
