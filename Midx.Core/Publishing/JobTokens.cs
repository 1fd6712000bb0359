using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Midx.Core.Data;
using Midx.Core.TikTok;

namespace Midx.Core.Publishing;

/// <summary>
/// Access tokens for the worker's TikTok calls. Each call runs in its own scope because the refresh command clears
/// its context's change tracker, which must never detach the job the runner is working on.
/// A job's account id is null once the account was disconnected: there is no token then, as for a missing account.
/// </summary>
public sealed class JobTokens(IServiceScopeFactory scopes, IOptions<PublishingOptions> options, TimeProvider time, ILogger<JobTokens> logger)
{
    private static readonly TokenRefreshResult Disconnected =
        new(TokenRefreshOutcome.NotFound, null, "This TikTok account was disconnected.", null);

    public async Task<TokenRefreshResult> GetAsync(Guid? accountId, CancellationToken cancellationToken)
    {
        if (accountId is not { } id)
        {
            return Disconnected;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TikTokAccessTokens>().GetFreshAccessTokenAsync(id, cancellationToken);
    }

    /// <summary>
    /// TikTok refused the access token (<c>access_token_invalid</c>,
    /// https://developers.tiktok.com/doc/tiktok-api-v2-error-handling): mark it expired and get a new one, so the
    /// refresh (or, if the grant is gone, "needs reconnect") happens now.
    /// </summary>
    private async Task<TokenRefreshResult> RenewAsync(Guid? accountId, CancellationToken cancellationToken)
    {
        if (accountId is null)
        {
            return Disconnected;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = time.GetUtcNow().UtcDateTime;
            await scope.ServiceProvider.GetRequiredService<MidxDbContext>().TikTokAccounts
                .Where(a => a.Id == accountId && (a.AccessTokenExpiresAt == null || a.AccessTokenExpiresAt > now))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.AccessTokenExpiresAt, now), cancellationToken);
        }

        return await GetAsync(accountId, cancellationToken);
    }

    /// <summary>
    /// Makes one TikTok call for a job with <paramref name="accessToken"/>. When TikTok refuses the token
    /// (TikTok's advice: "refresh the token and retry", https://developers.tiktok.com/doc/tiktok-api-v2-error-handling)
    /// the token is renewed and the call replayed once: TikTok checks the token before anything else, so a refused call
    /// did nothing and counted against no rate limit.
    /// When the renewed token is refused too, the account is given up on (<see cref="GiveUpAsync"/>), so a token TikTok
    /// keeps refusing is never renewed again and again. A refusal that stands is in <see cref="TokenCallResult{T}.RefusedToken"/>.
    /// </summary>
    public async Task<TokenCallResult<T>> CallAsync<T>(PublishJob job, string call, string accessToken,
        Func<string, CancellationToken, Task<TikTokResult<T>>> send, CancellationToken cancellationToken)
    {
        var answer = await send(accessToken, cancellationToken);
        if (!TokenCallResult<T>.IsTokenRefusal(answer))
        {
            return new TokenCallResult<T>(answer, null);
        }

        var renewed = await RenewAsync(job.TikTokAccountId, cancellationToken);
        if (renewed.AccessToken is null)
        {
            return new TokenCallResult<T>(answer, renewed);
        }

        logger.LogInformation("Job {JobId}: TikTok refused the access token at {Call}; replaying once with a renewed token", job.Id, call);
        answer = await send(renewed.AccessToken, cancellationToken);
        if (!TokenCallResult<T>.IsTokenRefusal(answer))
        {
            return new TokenCallResult<T>(answer, null);
        }

        logger.LogWarning("Job {JobId}: TikTok refused the renewed access token at {Call} too (log id {LogId}); holding the job for a reconnect",
            job.Id, call, answer.LogId);
        return new TokenCallResult<T>(answer, await GiveUpAsync(job.TikTokAccountId, cancellationToken));
    }

    /// <summary>
    /// TikTok refused the token <see cref="RenewAsync"/> just gave: the account is marked "needs reconnect" the same way a
    /// dead refresh token marks it (audited, tokens forgotten), so its jobs are held until the creator reconnects.
    /// </summary>
    private async Task<TokenRefreshResult> GiveUpAsync(Guid? accountId, CancellationToken cancellationToken)
    {
        if (accountId is not { } id)
        {
            return Disconnected;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RefreshTikTokTokenCommand>()
            .ExecuteAsync(id, TokenRefreshReason.RefusedAfterRenewal, cancellationToken);
    }

    /// <summary>
    /// Where a job stands when there is no usable token: held while the account needs reconnecting (or is gone),
    /// otherwise tried again a little later (renewing only failed for now).
    /// </summary>
    public StepResult WithoutToken(TokenRefreshResult token) =>
        token.Outcome is TokenRefreshOutcome.NeedsReconnect or TokenRefreshOutcome.NotFound
            ? StepResult.Hold
            : StepResult.WaitUntil(time.GetUtcNow().UtcDateTime + options.Value.RetryDelay);
}
