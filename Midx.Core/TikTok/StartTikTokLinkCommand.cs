using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.TikTok;

/// <summary>
/// Starts "link a TikTok account" into a workspace, for a signed-in user who may link accounts there or for someone
/// who opened a hosted connect link of the workspace: remembers a single-use <c>state</c> bound to that user or link
/// and the workspace and a PKCE verifier (both server-side, expiring after <see cref="TikTokOptions.LinkStateLifetime"/>),
/// and returns TikTok's authorization URL to send the browser to (https://developers.tiktok.com/doc/login-kit-web),
/// asking for the scopes the workspace's posting boundary allows.
/// </summary>
public sealed class StartTikTokLinkCommand(MidxDbContext db, TikTokApiClient tikTok, IOptions<TikTokOptions> options, TimeProvider time)
{
    /// <summary>For a signed-in user; null when they may not link accounts in the workspace.</summary>
    public async Task<Uri?> ExecuteAsync(Guid userId, Guid workspaceId, string redirectUri, CancellationToken cancellationToken)
    {
        var inboxDraftsOnly = await db.WorkspaceWhere(userId, workspaceId, WorkspacePermission.LinkAccounts).AsNoTracking()
            .Select(w => (bool?)w.InboxDraftsOnly).SingleOrDefaultAsync(cancellationToken);
        return inboxDraftsOnly is null ? null : await BeginAsync(userId, null, workspaceId, inboxDraftsOnly.Value, redirectUri, cancellationToken);
    }

    /// <summary>For whoever opened the hosted connect link <paramref name="connectLinkId"/>, which the caller found open.</summary>
    public async Task<Uri> ForConnectLinkAsync(Guid connectLinkId, Guid workspaceId, string redirectUri, CancellationToken cancellationToken)
    {
        var inboxDraftsOnly = await db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId).Select(w => w.InboxDraftsOnly).SingleAsync(cancellationToken);
        return await BeginAsync(null, connectLinkId, workspaceId, inboxDraftsOnly, redirectUri, cancellationToken);
    }

    private async Task<Uri> BeginAsync(
        Guid? userId, Guid? connectLinkId, Guid workspaceId, bool inboxDraftsOnly, string redirectUri, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var verifier = TikTokPkce.CreateVerifier();
        var state = new OAuthLinkState
        {
            Id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            UserId = userId,
            ConnectLinkId = connectLinkId,
            WorkspaceId = workspaceId,
            CodeVerifier = verifier,
            CreatedAt = now,
            ExpiresAt = now + options.Value.LinkStateLifetime,
        };
        db.OAuthLinkStates.Add(state);
        await db.SaveChangesAsync(cancellationToken);
        return tikTok.AuthorizeUrl(state.Id, TikTokPkce.HexChallenge(verifier), redirectUri, options.Value.ScopesFor(inboxDraftsOnly));
    }
}
