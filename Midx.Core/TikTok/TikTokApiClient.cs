using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Midx.Core.Errors;
using Polly;
using Polly.Retry;

namespace Midx.Core.TikTok;

/// <summary>
/// TikTok's Login Kit, Content Posting and Display APIs, one method per endpoint (each names its TikTok page). Every
/// answer is read for <c>error.code</c> whatever the HTTP status, because TikTok sends some refusals with 200
/// (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info) and OAuth errors as a flat
/// <c>error</c> field (https://developers.tiktok.com/doc/oauth-user-access-token-management). TikTok's "no" is returned
/// as a <see cref="TikTokResult{T}"/>; a connection failure throws <see cref="HttpRequestException"/> and a call that
/// outlives <see cref="TikTokOptions.RequestTimeout"/> throws <see cref="TimeoutException"/>. A 429 is tried again a
/// bounded number of times (the request was not processed, so even an init is safe to repeat); no other status is
/// retried here. Tokens, codes, verifiers, secrets and upload URLs are never logged.
/// </summary>
public sealed class TikTokApiClient
{
    public const string LogIdHeader = "x-tt-logid";

    private const string JsonMediaType = "application/json";

    /// <summary>The error code of a successful answer (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling).</summary>
    private const string SuccessCode = "ok";

    private readonly HttpClient _http;
    private readonly TikTokOptions _options;
    private readonly TikTokBaseUrls _urls;
    private readonly TimeProvider _time;
    private readonly ILogger<TikTokApiClient> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _rateLimitRetry;

    public TikTokApiClient(HttpClient http, IOptions<TikTokOptions> options, TikTokBaseUrls urls, TimeProvider time, ILogger<TikTokApiClient> logger)
    {
        _http = http;
        _options = options.Value;
        _urls = urls;
        _time = time;
        _logger = logger;
        _rateLimitRetry = BuildRateLimitRetry(_options, time, logger);
    }

    /// <summary>
    /// The browser URL that starts TikTok's web authorization (https://developers.tiktok.com/doc/login-kit-web):
    /// <c>client_key</c> (not client_id), comma-separated scopes, and PKCE with TikTok's hex SHA-256 challenge
    /// (https://developers.tiktok.com/doc/login-kit-desktop).
    /// </summary>
    public Uri AuthorizeUrl(string state, string codeChallenge, string redirectUri, IEnumerable<string>? scopes = null)
    {
        var query = new Dictionary<string, string>
        {
            ["client_key"] = _options.ClientKey,
            ["scope"] = string.Join(',', scopes ?? _options.ScopeList),
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["state"] = state,
            ["code_challenge"] = codeChallenge,
            ["code_challenge_method"] = "S256",
        };
        var encoded = string.Join('&', query.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}"));
        return new Uri(_urls.Authorize, "v2/auth/authorize/?" + encoded);
    }

    /// <summary>
    /// <c>POST /v2/oauth/token/</c>, authorization_code grant with the PKCE verifier
    /// (https://developers.tiktok.com/doc/oauth-user-access-token-management).
    /// </summary>
    public Task<TikTokResult<TikTokTokenGrant>> ExchangeCodeAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken) =>
        TokenAsync("oauth.token.authorization_code", new Dictionary<string, string>
        {
            ["client_key"] = _options.ClientKey,
            ["client_secret"] = _options.ClientSecret,
            ["code"] = code,
            ["grant_type"] = "authorization_code",
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = codeVerifier,
        }, cancellationToken);

    /// <summary>
    /// <c>POST /v2/oauth/token/</c>, refresh_token grant
    /// (https://developers.tiktok.com/doc/oauth-user-access-token-management). The answer may carry a new refresh
    /// token: keep it.
    /// </summary>
    public Task<TikTokResult<TikTokTokenGrant>> RefreshTokenAsync(string refreshToken, CancellationToken cancellationToken) =>
        TokenAsync("oauth.token.refresh_token", new Dictionary<string, string>
        {
            ["client_key"] = _options.ClientKey,
            ["client_secret"] = _options.ClientSecret,
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }, cancellationToken);

    /// <summary>
    /// <c>POST /v2/oauth/revoke/</c> with the access token
    /// (https://developers.tiktok.com/doc/oauth-user-access-token-management). Success is an empty body or <c>{}</c>.
    /// </summary>
    public async Task<TikTokResult> RevokeAsync(string accessToken, CancellationToken cancellationToken)
    {
        const string endpoint = "oauth.revoke";
        using var response = await SendAsync(endpoint, () => new HttpRequestMessage(HttpMethod.Post, Api("v2/oauth/revoke/"))
        {
            Content = Form(new Dictionary<string, string>
            {
                ["client_key"] = _options.ClientKey,
                ["client_secret"] = _options.ClientSecret,
                ["token"] = accessToken,
            }),
        }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var error = ReadError(response, body, out var logId);
        Log(endpoint, response.StatusCode, error, logId);
        return error is null ? TikTokResult.Success(logId) : TikTokResult.Failure(error);
    }

    /// <summary>
    /// <c>GET /v2/user/info/?fields=…</c> (https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info). Ask only for
    /// fields the granted scopes cover.
    /// </summary>
    public Task<TikTokResult<TikTokUserInfo>> GetUserInfoAsync(string accessToken, IEnumerable<string> fields, CancellationToken cancellationToken) =>
        EnvelopeAsync<TikTokUserInfoData, TikTokUserInfo>("user.info",
            () => Authorized(HttpMethod.Get, "v2/user/info/?fields=" + Fields(fields), accessToken, body: null),
            data => data.User, cancellationToken);

    /// <summary>
    /// <c>POST /v2/post/publish/creator_info/query/</c>
    /// (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info), an empty POST. Its caps
    /// arrive as errors on HTTP 200.
    /// </summary>
    public Task<TikTokResult<TikTokCreatorInfo>> QueryCreatorInfoAsync(string accessToken, CancellationToken cancellationToken) =>
        EnvelopeAsync<TikTokCreatorInfo, TikTokCreatorInfo>("post.creator_info",
            () => Authorized(HttpMethod.Post, "v2/post/publish/creator_info/query/", accessToken, body: null, emptyJson: true),
            data => data, cancellationToken);

    /// <summary>
    /// <c>POST /v2/post/publish/video/init/</c>
    /// (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post). Call once per publish; a 5xx here
    /// is not retried.
    /// </summary>
    public Task<TikTokResult<TikTokPublishInit>> InitDirectPostAsync(string accessToken, TikTokPostInfo post, TikTokSourceInfo source, CancellationToken cancellationToken) =>
        EnvelopeAsync<TikTokPublishInit, TikTokPublishInit>("post.video.init",
            () => Authorized(HttpMethod.Post, "v2/post/publish/video/init/", accessToken, new TikTokDirectPostRequest(post, source)),
            RequirePublishId, cancellationToken);

    /// <summary>
    /// <c>POST /v2/post/publish/inbox/video/init/</c>
    /// (https://developers.tiktok.com/doc/content-posting-api-reference-upload-video): a draft to the creator's TikTok
    /// inbox.
    /// </summary>
    public Task<TikTokResult<TikTokPublishInit>> InitInboxUploadAsync(string accessToken, TikTokSourceInfo source, CancellationToken cancellationToken) =>
        EnvelopeAsync<TikTokPublishInit, TikTokPublishInit>("post.inbox.video.init",
            () => Authorized(HttpMethod.Post, "v2/post/publish/inbox/video/init/", accessToken, new TikTokInboxRequest(source)),
            RequirePublishId, cancellationToken);

    /// <summary>
    /// <c>PUT {upload_url}</c> for one chunk (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide):
    /// the URL exactly as TikTok gave it, no Authorization header, Content-Type/Content-Length/Content-Range set, bytes
    /// streamed from <paramref name="video"/>. One attempt; the caller retries
    /// <see cref="ChunkUploadOutcome.ServerError"/> with the same chunk.
    /// </summary>
    public async Task<ChunkUploadResult> UploadChunkAsync(string uploadUrl, Stream video, ChunkRange chunk, string contentType, CancellationToken cancellationToken)
    {
        var target = new Uri(uploadUrl, UriKind.Absolute);
        using var timeout = new CancellationTokenSource(_options.UploadChunkTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Put, target) { Content = new ChunkContent(video, chunk, contentType) };
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"TikTok's upload host did not answer chunk {chunk.Index} within {_options.UploadChunkTimeout}.");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var outcome = status switch
            {
                201 => ChunkUploadOutcome.Completed,
                206 => ChunkUploadOutcome.Accepted,
                400 => ChunkUploadOutcome.Rejected,
                403 => ChunkUploadOutcome.Expired,
                404 => ChunkUploadOutcome.NotFound,
                416 => ChunkUploadOutcome.OutOfSync,
                >= 500 => ChunkUploadOutcome.ServerError,
                _ => ChunkUploadOutcome.Unexpected,
            };
            var range = response.Content.Headers.TryGetValues("Content-Range", out var contentRange) || response.Headers.TryGetValues("Content-Range", out contentRange)
                ? contentRange.FirstOrDefault()
                : null;
            _logger.LogInformation("TikTok chunk {ChunkIndex} ({ChunkBytes} bytes, last {IsLastChunk}) answered {HttpStatus} {ChunkOutcome}",
                chunk.Index, chunk.Length, chunk.IsLast, status, outcome);
            return new ChunkUploadResult(outcome, status, range);
        }
    }

    /// <summary>
    /// <c>POST /v2/post/publish/status/fetch/</c>
    /// (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status), 30 per minute per token.
    /// </summary>
    public Task<TikTokResult<TikTokPublishStatus>> FetchStatusAsync(string accessToken, string publishId, CancellationToken cancellationToken) =>
        EnvelopeAsync<TikTokPublishStatus, TikTokPublishStatus>("post.status.fetch",
            () => Authorized(HttpMethod.Post, "v2/post/publish/status/fetch/", accessToken, new TikTokPublishIdRequest(publishId)),
            data => data, cancellationToken);

    /// <summary>
    /// <c>POST /v2/post/publish/cancel/</c>
    /// (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide): best effort, for PULL_FROM_URL
    /// downloads.
    /// </summary>
    public async Task<TikTokResult> CancelAsync(string accessToken, string publishId, CancellationToken cancellationToken)
    {
        var result = await EnvelopeAsync<JsonElement, JsonElement>("post.cancel",
            () => Authorized(HttpMethod.Post, "v2/post/publish/cancel/", accessToken, new TikTokPublishIdRequest(publishId)),
            data => data, cancellationToken, dataRequired: false);
        return result.IsSuccess ? TikTokResult.Success(result.LogId) : TikTokResult.Failure(result.Error);
    }

    /// <summary>
    /// <c>POST /v2/video/list/?fields=…</c> (https://developers.tiktok.com/doc/tiktok-api-v2-video-list): the
    /// creator's public videos, newest first. <paramref name="cursor"/> is the previous page's <c>cursor</c> (epoch ms);
    /// TikTok may return fewer than asked even when <c>has_more</c>.
    /// </summary>
    public Task<TikTokResult<TikTokVideoPage>> ListVideosAsync(string accessToken, IEnumerable<string> fields, long? cursor, int maxCount, CancellationToken cancellationToken) =>
        EnvelopeAsync<TikTokVideoPage, TikTokVideoPage>("video.list",
            () => Authorized(HttpMethod.Post, "v2/video/list/?fields=" + Fields(fields), accessToken, new TikTokVideoListRequest(cursor, Math.Clamp(maxCount, 1, 20))),
            data => data, cancellationToken);

    /// <summary>
    /// <c>POST /v2/video/query/?fields=…</c> (https://developers.tiktok.com/doc/tiktok-api-v2-video-query) for up to 20
    /// of the creator's own video ids.
    /// </summary>
    public Task<TikTokResult<TikTokVideoPage>> QueryVideosAsync(string accessToken, IEnumerable<string> fields, IReadOnlyList<string> videoIds, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(videoIds.Count, 20);
        return EnvelopeAsync<TikTokVideoPage, TikTokVideoPage>("video.query",
            () => Authorized(HttpMethod.Post, "v2/video/query/?fields=" + Fields(fields), accessToken, new TikTokVideoQueryRequest(new TikTokVideoFilters(videoIds))),
            data => data, cancellationToken);
    }

    private static TikTokPublishInit? RequirePublishId(TikTokPublishInit data) => string.IsNullOrEmpty(data.PublishId) ? null : data;

    private async Task<TikTokResult<TikTokTokenGrant>> TokenAsync(string endpoint, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(endpoint, () => new HttpRequestMessage(HttpMethod.Post, Api("v2/oauth/token/")) { Content = Form(form) }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var error = ReadError(response, body, out var logId);
        if (error is null)
        {
            var token = TryDeserialize<TikTokTokenResponse>(body);
            if (token is { AccessToken.Length: > 0, RefreshToken.Length: > 0, OpenId.Length: > 0, ExpiresIn: > 0 })
            {
                Log(endpoint, response.StatusCode, null, logId);
                return TikTokResult<TikTokTokenGrant>.Success(new TikTokTokenGrant(
                    token.AccessToken, token.ExpiresIn.Value, token.OpenId, token.RefreshToken, token.RefreshExpiresIn ?? 0, token.Scope ?? "", token.TokenType), logId);
            }

            error = TikTokError.From(ErrorCatalog.UnexpectedResponse, "The token answer lacked a token, open_id or expires_in.", logId, (int)response.StatusCode);
        }

        Log(endpoint, response.StatusCode, error, logId);
        return TikTokResult<TikTokTokenGrant>.Failure(error);
    }

    private async Task<TikTokResult<TResult>> EnvelopeAsync<TData, TResult>(
        string endpoint,
        Func<HttpRequestMessage> request,
        Func<TData, TResult?> select,
        CancellationToken cancellationToken,
        bool dataRequired = true)
    {
        using var response = await SendAsync(endpoint, request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var error = ReadError(response, body, out var logId);
        if (error is null)
        {
            var envelope = TryDeserialize<TikTokEnvelope<TData>>(body);
            var value = envelope is null || envelope.Data is null ? default : select(envelope.Data);
            if (value is not null || !dataRequired)
            {
                Log(endpoint, response.StatusCode, null, logId);
                return TikTokResult<TResult>.Success(value!, logId);
            }

            error = TikTokError.From(ErrorCatalog.UnexpectedResponse, "The answer said ok but carried no data.", logId, (int)response.StatusCode);
        }

        Log(endpoint, response.StatusCode, error, logId);
        return TikTokResult<TResult>.Failure(error);
    }

    /// <summary>
    /// TikTok's refusal in any of its shapes, or null for success: the v2 envelope's <c>error.code</c> (any status),
    /// the OAuth flat <c>error</c> string (any status), or, when the body is not TikTok's JSON, the HTTP status.
    /// <c>log_id</c> comes from the body, else the <c>x-tt-logid</c> header.
    /// </summary>
    private static TikTokError? ReadError(HttpResponseMessage response, string body, out string? logId)
    {
        var status = (int)response.StatusCode;
        logId = response.Headers.TryGetValues(LogIdHeader, out var values) ? values.FirstOrDefault() : null;
        string? code = null;
        string? message = null;
        if (TryParse(body) is { } root && root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    code = error.GetString();
                    message = String(root, "error_description");
                    logId = String(root, "log_id") ?? logId;
                }
                else if (error.ValueKind == JsonValueKind.Object)
                {
                    code = String(error, "code");
                    message = String(error, "message");
                    logId = String(error, "log_id") ?? String(error, "logid") ?? logId;
                }
            }

            logId = String(root, "log_id") ?? logId;
        }
        else if (response.IsSuccessStatusCode && !string.IsNullOrWhiteSpace(body))
        {
            return TikTokError.From(ErrorCatalog.UnexpectedResponse, null, logId, status);
        }

        if (!string.IsNullOrEmpty(code) && !string.Equals(code, SuccessCode, StringComparison.OrdinalIgnoreCase))
        {
            return TikTokError.From(code, message, logId, status);
        }

        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var fromStatus = status switch
        {
            429 => ErrorCatalog.RateLimitExceeded,
            401 => ErrorCatalog.AccessTokenInvalid,
            >= 500 => ErrorCatalog.InternalError,
            _ => ErrorCatalog.UnexpectedResponse,
        };
        return TikTokError.From(fromStatus, message, logId, status);
    }

    private async Task<HttpResponseMessage> SendAsync(string endpoint, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(endpoint, cancellationToken);
        try
        {
            var outcome = await _rateLimitRetry.ExecuteOutcomeAsync(async (ctx, state) =>
            {
                using var timeout = new CancellationTokenSource(state._options.RequestTimeout, state._time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(ctx.CancellationToken, timeout.Token);
                using var request = build();
                try
                {
                    var response = await state._http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
                    return Outcome.FromResult(response);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ctx.CancellationToken.IsCancellationRequested)
                {
                    return Outcome.FromException<HttpResponseMessage>(
                        new TimeoutException($"TikTok {endpoint} did not answer within {state._options.RequestTimeout}."));
                }
                catch (Exception ex)
                {
                    return Outcome.FromException<HttpResponseMessage>(ex);
                }
            }, context, this);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildRateLimitRetry(TikTokOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.RateLimitRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.RateLimitRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RateLimitBaseDelay,
                MaxDelay = options.RateLimitMaxDelay > TimeSpan.Zero ? options.RateLimitMaxDelay : null,
                // Only a 429, and only when TikTok's Retry-After (if any) fits within the bound: a longer wait is the
                // caller's to schedule, not a thread's to sleep through.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response
                    && (RetryAfter(response, time) ?? TimeSpan.Zero) <= options.RateLimitMaxDelay),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response, time) : null),
                OnRetry = args =>
                {
                    logger.LogWarning("TikTok {Endpoint} is rate limited (429); attempt {Attempt} waits {RetryDelay}",
                        args.Context.OperationKey, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter?.Date is { } date ? (date - time.GetUtcNow()) is { Ticks: > 0 } wait ? wait : TimeSpan.Zero : null;
    }

    private HttpRequestMessage Authorized(HttpMethod method, string relative, string accessToken, object? body, bool emptyJson = false)
    {
        var request = new HttpRequestMessage(method, Api(relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), TikTokJson.Options), Encoding.UTF8, JsonMediaType);
        }
        else if (emptyJson)
        {
            // creator_info takes no body but, like every posting call, the JSON content type
            // (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info).
            request.Content = new ByteArrayContent([]);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType) { CharSet = "UTF-8" };
        }

        return request;
    }

    private Uri Api(string relative) => new(_urls.Api, relative);

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(fields);

    private static string Fields(IEnumerable<string> fields) => string.Join(',', fields.Select(Uri.EscapeDataString));

    private void Log(string endpoint, HttpStatusCode status, TikTokError? error, string? logId)
    {
        if (error is null)
        {
            _logger.LogDebug("TikTok {Endpoint} answered {HttpStatus} ok (log_id {TikTokLogId})", endpoint, (int)status, logId);
        }
        else
        {
            _logger.LogInformation("TikTok {Endpoint} answered {HttpStatus} {TikTokErrorCode} ({TikTokErrorKind}) (log_id {TikTokLogId})",
                endpoint, (int)status, error.Code, error.Kind, logId);
        }
    }

    private static JsonElement? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static T? TryDeserialize<T>(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? default : JsonSerializer.Deserialize<T>(body, TikTokJson.Options);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
