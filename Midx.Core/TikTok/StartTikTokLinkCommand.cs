using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Midx.Core.Data;

namespace Midx.Core.TikTok;

/// <summary>
/// Starts "link a TikTok account": remembers a single-use <c>state</c> bound to the signed-in user and a PKCE
/// verifier (both server-side, expiring after <see cref="TikTokOptions.LinkStateLifetime"/>), and returns TikTok's
/// authorization URL to send the browser to (https://developers.tiktok.com/doc/login-kit-web).
/// </summary>
public sealed class StartTikTokLinkCommand(MidxDbContext db, TikTokApiClient tikTok, IOptions<TikTokOptions> options, TimeProvider time)
{
    public async Task<Uri> ExecuteAsync(Guid userId, string redirectUri, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var verifier = TikTokPkce.CreateVerifier();
        var state = new OAuthLinkState
        {
            Id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            UserId = userId,
            CodeVerifier = verifier,
            CreatedAt = now,
            ExpiresAt = now + options.Value.LinkStateLifetime,
        };
        db.OAuthLinkStates.Add(state);
        await db.SaveChangesAsync(cancellationToken);
        return tikTok.AuthorizeUrl(state.Id, TikTokPkce.HexChallenge(verifier), redirectUri);
    }
}
