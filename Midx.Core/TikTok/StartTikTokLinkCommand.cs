using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.TikTok;

/// <summary>
/// Starts "link a TikTok account" into a workspace where the signed-in user may link accounts: remembers a single-use
/// <c>state</c> bound to the user and the workspace and a PKCE verifier (both server-side, expiring after
/// <see cref="TikTokOptions.LinkStateLifetime"/>), and returns TikTok's authorization URL to send the browser to
/// (https://developers.tiktok.com/doc/login-kit-web), asking for the scopes the workspace's posting boundary allows.
/// Null when the user may not link accounts there.
/// </summary>
public sealed class StartTikTokLinkCommand(MidxDbContext db, TikTokApiClient tikTok, IOptions<TikTokOptions> options, TimeProvider time)
{
    public async Task<Uri?> ExecuteAsync(Guid userId, Guid workspaceId, string redirectUri, CancellationToken cancellationToken)
    {
        var workspace = await db.WorkspaceWhere(userId, workspaceId, WorkspacePermission.LinkAccounts).AsNoTracking()
            .Select(w => new { w.InboxDraftsOnly }).SingleOrDefaultAsync(cancellationToken);
        if (workspace is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var verifier = TikTokPkce.CreateVerifier();
        var state = new OAuthLinkState
        {
            Id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            UserId = userId,
            WorkspaceId = workspaceId,
            CodeVerifier = verifier,
            CreatedAt = now,
            ExpiresAt = now + options.Value.LinkStateLifetime,
        };
        db.OAuthLinkStates.Add(state);
        await db.SaveChangesAsync(cancellationToken);
        return tikTok.AuthorizeUrl(state.Id, TikTokPkce.HexChallenge(verifier), redirectUri, options.Value.ScopesFor(workspace.InboxDraftsOnly));
    }
}
