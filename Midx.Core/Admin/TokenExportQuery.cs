using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;

namespace Midx.Core.Admin;

/// <summary>
/// Every linked account with the <see cref="TokenIssue"/> (or any), in the page's order, streamed row by row, state
/// columns only. Capped at <see cref="Csv.MaxRows"/>; the console says so next to the button.
/// </summary>
public sealed class TokenExportQuery(MidxDbContext db, TimeProvider time)
{
    public async IAsyncEnumerable<TokenAttentionRow> ExecuteAsync(TokenIssue? issue, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var accounts = TokenAttentionQuery.Filtered(db, issue, time.GetUtcNow().UtcDateTime).Take(Csv.MaxRows);
        await foreach (var row in TokenAttentionQuery.Project(db, accounts).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }
}
