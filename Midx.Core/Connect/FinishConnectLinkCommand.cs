using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.TikTok;

namespace Midx.Core.Connect;

/// <summary>Where the person goes after TikTok: back to the app (<see cref="RedirectTo"/>), or to a refusal Midx shows itself.</summary>
public sealed record ConnectReturn(Uri? RedirectTo = null, ErrorCode? Refusal = null);

/// <summary>
/// Ends a hosted connect link once TikTok answered for it (<see cref="CompleteTikTokLinkCommand"/> spent it): records
/// the account it linked or why none, audits, and sends the person back to the app's redirect URL with
/// <c>account_id</c> or <c>error</c>, and the integrator's <c>state</c>. Only to a URL the app still registers: a
/// link whose URL was removed since, and an answer Midx cannot tie to a link, end on Midx's own refusal page.
/// </summary>
public sealed class FinishConnectLinkCommand(MidxDbContext db, AuditLog audit)
{
    public async Task<ConnectReturn> ExecuteAsync(Guid connectLinkId, TikTokLinkResult result, CancellationToken cancellationToken)
    {
        if (result.Outcome is TikTokLinkOutcome.AlreadyUsed)
        {
            return new ConnectReturn(Refusal: ErrorCatalog.ConnectLinkUsed);
        }

        var link = await db.ConnectLinks.SingleOrDefaultAsync(l => l.Id == connectLinkId, cancellationToken);
        var app = link is null ? null : await db.ApiApps.AsNoTracking().SingleOrDefaultAsync(a => a.Id == link.AppId, cancellationToken);
        if (link is null || app is null || result.Outcome is TikTokLinkOutcome.InvalidState)
        {
            return new ConnectReturn(Refusal: ErrorCatalog.ConnectStateInvalid);
        }

        var error = result.Succeeded ? null : result.Outcome switch
        {
            TikTokLinkOutcome.Declined => ErrorCatalog.ConnectDeclined,
            TikTokLinkOutcome.Expired => ErrorCatalog.ConnectLinkExpired,
            TikTokLinkOutcome.LinkedElsewhere => ErrorCatalog.ConnectLinkedElsewhere,
            _ => ErrorCatalog.ConnectTikTokFailed,
        };
        link.TikTokAccountId = result.AccountId;
        link.ErrorCode = error?.Value;
        audit.Add(ConnectAuditActions.LinkUsed, detail: error is null
            ? $"connect link {link.Id} of API app {app.Id} linked TikTok account {result.AccountId}"
            : $"connect link {link.Id} of API app {app.Id} ended with {error.Value}");
        await db.SaveChangesAsync(cancellationToken);

        if (!app.RedirectUrls.Contains(link.RedirectUrl))
        {
            return new ConnectReturn(Refusal: ErrorCatalog.ConnectRedirectUnregistered);
        }

        var outcome = error is null ? $"account_id={result.AccountId}" : $"error={error.Value}";
        var separator = link.RedirectUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return new ConnectReturn(new Uri($"{link.RedirectUrl}{separator}{outcome}&state={Uri.EscapeDataString(link.State)}"));
    }
}
