using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Control endpoints for tests under <c>/sandbox/tiktok/__test/</c>: reset, clock, switches, faults, the consent hook,
/// direct token issue, publish scenarios and hooks, and inspection of requests and uploads. camelCase JSON, enums as
/// strings. Mapped only in sandbox mode and only in Development. Posts must be JSON (or carry no body): a page on another
/// site can send a form or text/plain without asking, but not application/json.
/// </summary>
public static class TestControlEndpoints
{
    public const string Prefix = "/__test";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static RouteGroupBuilder MapTikTokTestControlEndpoints(this RouteGroupBuilder sandboxGroup)
    {
        var group = sandboxGroup.MapGroup(Prefix);
        group.AddEndpointFilter(JsonPostsOnlyAsync);
        group.MapPost("/reset", (TikTokSandbox sandbox) =>
        {
            sandbox.Reset();
            return Results.NoContent();
        });

        group.MapGet("/clock", (TikTokSandbox sandbox) => Clock(sandbox));
        group.MapPost("/clock/advance", async (HttpContext http, TikTokSandbox sandbox, CancellationToken ct) =>
        {
            var body = await ReadAsync<AdvanceClock>(http, ct);
            if (body is not { Seconds: >= 0 })
            {
                return Problem("Send {\"seconds\": n} with n >= 0.");
            }

            sandbox.Clock.Advance(TimeSpan.FromSeconds(body.Seconds));
            return Clock(sandbox);
        });

        group.MapGet("/switches", (TikTokSandbox sandbox) => Results.Json(sandbox.Switches, Json));
        group.MapPost("/switches", SetSwitchesAsync);

        group.MapPost("/faults", async (HttpContext http, TikTokSandbox sandbox, CancellationToken ct) =>
        {
            var plan = await ReadAsync<FaultPlan>(http, ct);
            if (plan is null || !TikTokEndpointNames.All.Contains(plan.Endpoint) || plan.Count < 1 || plan.Skip < 0
                || plan.Status is < 100 or > 599 || plan.DelayMs < 0)
            {
                return Problem($"Send a fault plan whose endpoint is one of: {string.Join(", ", TikTokEndpointNames.All)}.");
            }

            sandbox.Faults.Arm(plan);
            return Results.NoContent();
        });

        group.MapPost("/consent", async (HttpContext http, TikTokSandbox sandbox, CancellationToken ct) =>
        {
            var hook = await ReadAsync<ConsentHook>(http, ct);
            if (hook is null || TikTokFixtures.FindByKey(hook.CreatorKey) is null || hook.Scopes?.Any(s => !TikTokScopes.IsKnown(s)) == true)
            {
                return Problem("Send {\"decision\": \"Page|Approve|Deny\", \"creatorKey\": \"public\", \"scopes\": [..] or null}.");
            }

            sandbox.Consent = hook;
            return Results.NoContent();
        });

        group.MapPost("/tokens", async (HttpContext http, TikTokSandbox sandbox, CancellationToken ct) =>
        {
            var body = await ReadAsync<IssueTokens>(http, ct);
            if (body is null || TikTokFixtures.FindByKey(body.CreatorKey) is not { } creator || body.Scopes.Any(s => !TikTokScopes.IsKnown(s)))
            {
                return Problem("Send {\"creatorKey\": \"public\", \"scopes\": [\"user.info.basic\", ...]}.");
            }

            return TikTokResponses.OAuthTokens(sandbox.IssueTokens(creator, body.Scopes));
        });

        group.MapPost("/publish-scenario", async (HttpContext http, TikTokSandbox sandbox, CancellationToken ct) =>
        {
            var body = await ReadAsync<QueueScenario>(http, ct);
            if (body is null || body.Count < 1)
            {
                return Problem("Send {\"failReason\", \"stuck\", \"pullFails\", \"processingSeconds\", \"moderationSeconds\", \"count\"}.");
            }

            var switches = sandbox.Switches;
            sandbox.Publishes.QueueScenario(new PublishScenario(
                TimeSpan.FromSeconds(body.ProcessingSeconds ?? switches.ProcessingDelaySeconds),
                TimeSpan.FromSeconds(body.ModerationSeconds ?? switches.ModerationDelaySeconds),
                body.FailReason, body.Stuck, body.PullFails), body.Count);
            return Results.NoContent();
        });

        group.MapGet("/publishes", (TikTokSandbox sandbox) =>
        {
            var now = sandbox.Now;
            return Results.Json(sandbox.Publishes.All(p => PublishView.Of(p, now)), Json);
        });
        group.MapGet("/publishes/{publishId}", (string publishId, TikTokSandbox sandbox) =>
        {
            var now = sandbox.Now;
            return sandbox.Publishes.With(publishId, p => PublishView.Of(p, now)) is { } view ? Results.Json(view, Json) : Results.NotFound();
        });
        group.MapPost("/publishes/{publishId}/user-posted", async (string publishId, HttpContext http, TikTokSandbox sandbox, CancellationToken ct) =>
        {
            var body = http.Request.ContentLength > 0 ? await ReadAsync<UserPosted>(http, ct) : new UserPosted(null);
            var privacy = body?.Privacy ?? PrivacyLevels.PublicToEveryone;
            if (!PrivacyLevels.All.Contains(privacy))
            {
                return Problem("privacy must be a TikTok privacy_level.");
            }

            var now = sandbox.Now;
            return Hook(sandbox, publishId, p => p.MarkUserPosted(now, privacy), "Only an inbox draft in SEND_TO_USER_INBOX can be posted.");
        });
        group.MapPost("/publishes/{publishId}/auth-removed", (string publishId, TikTokSandbox sandbox) =>
        {
            var now = sandbox.Now;
            return Hook(sandbox, publishId, p => p.MarkAuthRemoved(now), "Access can only be removed while TikTok is still processing.");
        });

        group.MapGet("/requests", (string? endpoint, TikTokSandbox sandbox) => Results.Json(sandbox.Journal.Snapshot(endpoint), Json));
        group.MapGet("/creators", () => Results.Json(TikTokFixtures.Creators.Select(c => new
        {
            c.Key,
            c.OpenId,
            c.UnionId,
            c.DisplayName,
            c.Username,
            c.Description,
            c.IsPrivate,
            c.PrivacyLevelOptions,
            c.CommentDisabled,
            c.DuetDisabled,
            c.StitchDisabled,
            c.MaxVideoPostDurationSec,
            c.Banned,
            c.AtDailyPostCap,
            c.AvatarPath,
        }), Json));
        return group;
    }

    private static async ValueTask<object?> JsonPostsOnlyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var hasBody = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0 || request.ContentType is not null;
        return HttpMethods.IsPost(request.Method) && hasBody && !request.HasJsonContentType()
            ? Results.Text("Send the control as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType)
            : await next(context);
    }

    private static async Task<IResult> SetSwitchesAsync(HttpContext http, TikTokSandbox sandbox, CancellationToken cancellationToken)
    {
        JsonObject? patch;
        try
        {
            patch = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException)
        {
            patch = null;
        }

        if (patch is null)
        {
            return Problem("Send a JSON object with the switches to change.");
        }

        var current = JsonSerializer.SerializeToNode(sandbox.Switches, Json)!.AsObject();
        foreach (var (name, value) in patch)
        {
            var key = current.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (key is null)
            {
                return Problem($"Unknown switch '{name}'. Known: {string.Join(", ", current.Select(p => p.Key))}.");
            }

            current[key] = value?.DeepClone();
        }

        TikTokSandboxSwitches? updated;
        try
        {
            updated = current.Deserialize<TikTokSandboxSwitches>(Json);
        }
        catch (JsonException exception)
        {
            return Problem($"A switch has the wrong type: {exception.Message}");
        }

        var problems = updated?.Problems().ToList() ?? ["No switches."];
        if (problems.Count > 0)
        {
            return Problem(string.Join(" ", problems));
        }

        sandbox.Switches = updated!;
        return Results.Json(updated, Json);
    }

    private static IResult Hook(TikTokSandbox sandbox, string publishId, Func<PublishRecord, bool> change, string conflict)
    {
        var now = sandbox.Now;
        if (sandbox.Publishes.Change(publishId, change))
        {
            return Results.Json(sandbox.Publishes.With(publishId, p => PublishView.Of(p, now)), Json);
        }

        return sandbox.Publishes.With(publishId, _ => true) ? Results.Conflict(new { error = conflict }) : Results.NotFound();
    }

    private static IResult Clock(TikTokSandbox sandbox) =>
        Results.Json(new { now = sandbox.Now, offsetSeconds = sandbox.Clock.Offset.TotalSeconds }, Json);

    private static IResult Problem(string message) => Results.BadRequest(new { error = message });

    private static async Task<T?> ReadAsync<T>(HttpContext http, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, Json, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record AdvanceClock(double Seconds);

    private sealed record IssueTokens(string CreatorKey, IReadOnlyList<string> Scopes);

    private sealed record QueueScenario(string? FailReason, bool Stuck, bool PullFails, double? ProcessingSeconds, double? ModerationSeconds, int Count = 1);

    private sealed record UserPosted(string? Privacy);
}
