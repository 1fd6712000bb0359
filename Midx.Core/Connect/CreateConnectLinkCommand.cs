using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Workspaces;

namespace Midx.Core.Connect;

/// <summary>What the integrator asks for: one of the workspace's apps, one of its redirect URLs, and their own state.</summary>
public sealed record ConnectLinkRequest(Guid? AppId, string? RedirectUrl, string? State);

/// <summary>A link just made, with its secret (<see cref="Token"/>), which only its URL carries; or why none was made.</summary>
public sealed record CreatedConnectLink(ConnectLink? Link = null, string? Token = null, ErrorCode? Problem = null, string? Detail = null);

/// <summary>
/// Makes a one-time connect link for an API key of a workspace: the app must be the workspace's and the redirect URL one
/// it registered, compared exactly. The link's secret is random and stored only as a hash, like an invitation link's.
/// </summary>
public sealed class CreateConnectLinkCommand(MidxDbContext db, AuditLog audit, IOptions<ConnectOptions> options, TimeProvider time)
{
    /// <summary>What a refused request is told to send instead.</summary>
    public static readonly string WhatToSend = $"Send a JSON object with appId, redirectUrl and state (your own value, at most {ConnectLink.MaxStateLength} characters).";

    public async Task<CreatedConnectLink> ExecuteAsync(Guid workspaceId, Guid keyId, ConnectLinkRequest request, CancellationToken cancellationToken)
    {
        var missing = request switch
        {
            { AppId: null } => "appId is missing.",
            { RedirectUrl: null or "" } => "redirectUrl is missing.",
            { State: null or "" } => "state is missing: send a value your redirect handler can check.",
            { State.Length: > ConnectLink.MaxStateLength } => $"state is longer than {ConnectLink.MaxStateLength} characters.",
            _ => null,
        };
        if (missing is not null)
        {
            return new CreatedConnectLink(Problem: ErrorCatalog.ApiInvalidBody, Detail: $"{missing} {WhatToSend}");
        }

        var app = await db.ApiApps.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.AppId && a.WorkspaceId == workspaceId, cancellationToken);
        if (app is null)
        {
            return new CreatedConnectLink(Problem: ErrorCatalog.ConnectAppUnknown);
        }

        if (!app.RedirectUrls.Contains(request.RedirectUrl!))
        {
            return new CreatedConnectLink(Problem: ErrorCatalog.ConnectRedirectUnregistered);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var token = InvitationSecret.New();
        var link = new ConnectLink
        {
            WorkspaceId = workspaceId, AppId = app.Id, KeyId = keyId, TokenHash = InvitationSecret.Hash(token), RedirectUrl = request.RedirectUrl!,
            State = request.State!, CreatedAt = now, ExpiresAt = now + options.Value.LinkLifetime,
        };
        db.ConnectLinks.Add(link);
        audit.Add(ConnectAuditActions.LinkCreated, detail: $"connect link {link.Id} of API app {app.Id} by API key {keyId} in workspace {workspaceId}");
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedConnectLink(link, token);
    }
}
