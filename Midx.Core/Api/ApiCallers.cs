using Microsoft.EntityFrameworkCore;
using Midx.Core.Data;
using Midx.Core.Workspaces;

namespace Midx.Core.Api;

/// <summary>Who is calling the API: the key (by id and visible prefix), its workspace, which is all it may see, and its scopes.</summary>
public sealed record ApiCaller(Guid KeyId, string Prefix, Guid WorkspaceId, ApiScope Scopes)
{
    /// <summary>The key as the one who composes, cancels or retries a post.</summary>
    public PostActor Actor => PostActor.Key(KeyId);
}

/// <summary>
/// Finds the caller of an API request from the key it presents, and keeps each key's use: when it was last used (written
/// at most once a minute, so a busy key costs no write per request) and its requests and errors per day.
/// </summary>
public sealed class ApiCallers(MidxDbContext db, TimeProvider time)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>The key's caller, or null for a key that is malformed, unknown, revoked or expired (the four are never told apart).</summary>
    public async Task<ApiCaller?> AuthenticateAsync(string? presented, CancellationToken cancellationToken)
    {
        if (ApiKeySecret.PrefixOf(presented) is not { } prefix)
        {
            return null;
        }

        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (key is null || !ApiKeySecret.Matches(presented!, key.SecretHash) || !key.IsActive(now))
        {
            return null;
        }

        var stale = now - LastUsedResolution;
        await db.ApiKeys.Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt < stale))
            .ExecuteUpdateAsync(k => k.SetProperty(x => x.LastUsedAt, now), cancellationToken);
        return new ApiCaller(key.Id, key.Prefix, key.WorkspaceId, key.Scopes);
    }

    /// <summary>Counts one answered request of the key today, whether it was answered with an error, and whether it created a post.</summary>
    public async Task RecordAsync(Guid keyId, bool error, bool postCreated, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var errors = error ? 1 : 0;
        var posts = postCreated ? 1 : 0;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var updated = await db.ApiKeyUsage.Where(u => u.KeyId == keyId && u.Day == day).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.Requests, x => x.Requests + 1)
                .SetProperty(x => x.Errors, x => x.Errors + errors)
                .SetProperty(x => x.PostsCreated, x => x.PostsCreated + posts), cancellationToken);
            if (updated > 0)
            {
                return;
            }

            db.ApiKeyUsage.Add(new ApiKeyUsage { KeyId = keyId, Day = day, Requests = 1, Errors = errors, PostsCreated = posts });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException)
            {
                // Another request of the key made today's row first: count into it.
                db.ChangeTracker.Clear();
            }
        }
    }
}
