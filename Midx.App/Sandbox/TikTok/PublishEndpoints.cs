using System.Text.Json;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Content Posting API: creator info, Direct Post and inbox init, status and cancel
/// (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post and the pages it links): token, scope
/// and rate limit first, then the body, then the account and app rules.
/// </summary>
public static class PublishEndpoints
{
    // Per access token per minute (https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit); cancel has no
    // documented limit, so it shares the status budget.
    private const int CreatorInfoPerMinute = 20;
    private const int InitPerMinute = 6;
    private const int StatusPerMinute = 30;

    public static RouteGroupBuilder MapTikTokPublishEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/v2/post/publish/creator_info/query/", CreatorInfo).WithMetadata(new TikTokEndpointName(TikTokEndpointNames.CreatorInfo));
        group.MapPost("/v2/post/publish/video/init/", (HttpContext http, TikTokSandbox sandbox, CancellationToken ct) =>
            InitAsync(http, sandbox, PublishFlow.Direct, ct)).WithMetadata(new TikTokEndpointName(TikTokEndpointNames.VideoInit));
        group.MapPost("/v2/post/publish/inbox/video/init/", (HttpContext http, TikTokSandbox sandbox, CancellationToken ct) =>
            InitAsync(http, sandbox, PublishFlow.Inbox, ct)).WithMetadata(new TikTokEndpointName(TikTokEndpointNames.InboxInit));
        group.MapPost("/v2/post/publish/status/fetch/", StatusAsync).WithMetadata(new TikTokEndpointName(TikTokEndpointNames.StatusFetch));
        group.MapPost("/v2/post/publish/cancel/", CancelAsync).WithMetadata(new TikTokEndpointName(TikTokEndpointNames.Cancel));
        return group;
    }

    private static IResult CreatorInfo(HttpContext http, TikTokSandbox sandbox)
    {
        var (grant, error) = ApiGate.Check(http, sandbox, TikTokEndpointNames.CreatorInfo, CreatorInfoPerMinute, TikTokScopes.VideoPublish);
        if (error is not null)
        {
            return error;
        }

        var creator = TikTokFixtures.FindByOpenId(grant!.OpenId)!;
        var switches = sandbox.Switches;
        var usage = sandbox.Publishes.UsageOf(creator.OpenId, sandbox.Now);

        // "The creator can not make more posts at this moment" arrives as HTTP 200 with an error code
        // (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info).
        if (creator.Banned)
        {
            return TikTokResponses.Error(http, 200, "spam_risk_user_banned_from_posting", "The user is banned from making new posts.");
        }

        if (usage.PostsLast24Hours >= switches.PostCapPerCreator)
        {
            return TikTokResponses.Error(http, 200, "spam_risk_too_many_posts", "The daily post cap from the API is reached for the current user.");
        }

        if (switches.EffectiveActiveUserCap is { } cap && !usage.IsActivePublisher && usage.ActivePublishers >= cap)
        {
            return TikTokResponses.Error(http, 200, "reached_active_user_cap", "The daily quota for active publishing users from your client is reached.");
        }

        return TikTokResponses.Ok(http, new
        {
            CreatorAvatarUrl = SandboxUrls.Absolute(http, creator.AvatarPath),
            CreatorUsername = creator.Username,
            CreatorNickname = creator.DisplayName,
            PrivacyLevelOptions = creator.PrivacyLevelOptions,
            CommentDisabled = creator.CommentDisabled,
            DuetDisabled = creator.DuetDisabled,
            StitchDisabled = creator.StitchDisabled,
            MaxVideoPostDurationSec = creator.MaxVideoPostDurationSec,
        });
    }

    private static async Task<IResult> InitAsync(HttpContext http, TikTokSandbox sandbox, PublishFlow flow, CancellationToken cancellationToken)
    {
        var endpoint = flow == PublishFlow.Direct ? TikTokEndpointNames.VideoInit : TikTokEndpointNames.InboxInit;
        var scope = flow == PublishFlow.Direct ? TikTokScopes.VideoPublish : TikTokScopes.VideoUpload;
        var (grant, error) = ApiGate.Check(http, sandbox, endpoint, InitPerMinute, scope);
        if (error is not null)
        {
            return error;
        }

        var switches = sandbox.Switches;
        var body = await ApiGate.ReadBodyAsync(http, cancellationToken);
        var (request, problem) = PublishInitRequest.Parse(body, flow, switches);
        if (request is null)
        {
            return TikTokResponses.InvalidParams(http, switches, problem!);
        }

        var creator = TikTokFixtures.FindByOpenId(grant!.OpenId)!;
        var (refusal, publish) = sandbox.Publishes.Init(request, creator, switches, sandbox.Now, body);
        if (refusal is not null)
        {
            return TikTokResponses.Error(http, refusal);
        }

        return publish!.Upload is { } upload
            ? TikTokResponses.Ok(http, new { publish.PublishId, UploadUrl = SandboxUrls.UploadUrl(http, upload) })
            : TikTokResponses.Ok(http, new { publish.PublishId });
    }

    private static async Task<IResult> StatusAsync(HttpContext http, TikTokSandbox sandbox, CancellationToken cancellationToken)
    {
        var (grant, error) = ApiGate.Check(http, sandbox, TikTokEndpointNames.StatusFetch, StatusPerMinute, TikTokScopes.VideoUpload, TikTokScopes.VideoPublish);
        if (error is not null)
        {
            return error;
        }

        var (publishId, lookupError) = await FindOwnPublishAsync(http, sandbox, grant!, cancellationToken);
        if (lookupError is not null)
        {
            return lookupError;
        }

        var now = sandbox.Now;
        var status = sandbox.Publishes.With(publishId!, p => p.StatusAt(now))!;
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["status"] = status.Status,
            ["publicaly_available_post_id"] = status.PostIds, // (sic) TikTok's spelling
        };
        if (status.FailReason is not null)
        {
            data["fail_reason"] = status.FailReason;
        }

        data[status.Source == PublishSourceKind.FileUpload ? "uploaded_bytes" : "downloaded_bytes"] = status.TransferredBytes;
        return TikTokResponses.Ok(http, data);
    }

    private static async Task<IResult> CancelAsync(HttpContext http, TikTokSandbox sandbox, CancellationToken cancellationToken)
    {
        var (grant, error) = ApiGate.Check(http, sandbox, TikTokEndpointNames.Cancel, StatusPerMinute, TikTokScopes.VideoUpload, TikTokScopes.VideoPublish);
        if (error is not null)
        {
            return error;
        }

        var (publishId, lookupError) = await FindOwnPublishAsync(http, sandbox, grant!, cancellationToken);
        if (lookupError is not null)
        {
            return lookupError;
        }

        var now = sandbox.Now;
        return sandbox.Publishes.Change(publishId!, p => p.Cancel(now))
            ? TikTokResponses.Ok(http, new { })
            : TikTokResponses.Error(http, 400, "publish_not_cancellable", "Only a PULL_FROM_URL download in progress can be cancelled.");
    }

    private static async Task<(string? PublishId, IResult? Error)> FindOwnPublishAsync(
        HttpContext http, TikTokSandbox sandbox, AccessGrant grant, CancellationToken cancellationToken)
    {
        var body = await ApiGate.ReadBodyAsync(http, cancellationToken);
        string? publishId = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("publish_id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                publishId = id.GetString();
            }
        }
        catch (JsonException)
        {
            return (null, TikTokResponses.InvalidParams(http, sandbox.Switches, "The request body is not valid JSON."));
        }

        if (string.IsNullOrEmpty(publishId))
        {
            return (null, TikTokResponses.InvalidParams(http, sandbox.Switches, "publish_id is required."));
        }

        var owner = sandbox.Publishes.With(publishId, p => p.OpenId);
        if (owner is null)
        {
            return (null, TikTokResponses.Error(http, 400, "invalid_publish_id", "The publish_id does not exist."));
        }

        return owner == grant.OpenId
            ? (publishId, null)
            : (null, TikTokResponses.Error(http, 400, "token_not_authorized_for_specified_publish_id",
                "The access token is not authorized for the specified publish_id."));
    }
}
