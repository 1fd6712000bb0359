using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Midx.Core.Api;
using Midx.Core.Errors;

namespace Midx.App.Api;

/// <summary>
/// The door of every <c>/api/v1</c> endpoint: the bearer key (401 without a valid one), the key's rate limit (429 with
/// Retry-After), the scope the endpoint asks for (<see cref="ApiScopeRequirement"/>, 403 when the key lacks it), and,
/// once the response is sent, the key's use for the day.
/// </summary>
/// <remarks>
/// Made once per endpoint from the application's services, so what lives per request (the key lookup and its
/// <c>DbContext</c>) is taken from the request's own services.
/// </remarks>
public sealed class ApiAccessFilter(ApiRateLimiter limiter, IServiceScopeFactory scopes, ILogger<ApiAccessFilter> logger) : IEndpointFilter
{
    private const string BearerPrefix = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : null;
        var caller = await http.RequestServices.GetRequiredService<ApiCallers>().AuthenticateAsync(presented, http.RequestAborted);
        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"Midx API\"";
            return ApiProblems.For(ErrorCatalog.ApiKeyInvalid, StatusCodes.Status401Unauthorized);
        }

        http.Features.Set(caller);
        http.Response.OnCompleted(() => RecordAsync(caller, http));
        using var lease = limiter.Acquire(caller.KeyId);
        if (!lease.IsAcquired)
        {
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiProblems.For(ErrorCatalog.ApiRateLimited, StatusCodes.Status429TooManyRequests);
        }

        var required = http.GetEndpoint()?.Metadata.GetMetadata<ApiScopeRequirement>()
            ?? throw new InvalidOperationException($"The API endpoint {http.Request.Path} declares no scope (RequireScope).");
        if (!caller.Scopes.HasFlag(required.Scope))
        {
            return ApiProblems.For(ErrorCatalog.ApiScopeMissing, StatusCodes.Status403Forbidden,
                $"This key's scopes are \"{ApiScopes.Names(caller.Scopes)}\"; this request needs \"{ApiScopes.NameOf(required.Scope)}\". {ErrorCatalog.ApiScopeMissing.ToDo}");
        }

        return await next(context);
    }

    /// <summary>Counts the request against its key once it is answered, in a scope of its own (the request's may be gone).</summary>
    private async Task RecordAsync(ApiCaller caller, HttpContext http)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ApiCallers>().RecordAsync(caller.KeyId, error: http.Response.StatusCode >= 400,
                postCreated: http.Features.Get<ApiPostCreated>() is not null, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The answer is already sent; a lost count must not become an error anyone sees.
            logger.LogWarning(exception, "Could not count a request of API key {Prefix}", caller.Prefix);
        }
    }
}

/// <summary>One fixed window of <see cref="ApiOptions.RequestsPerMinute"/> requests per key, for the whole instance.</summary>
public sealed class ApiRateLimiter(IOptions<ApiOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _limiter = PartitionedRateLimiter.Create<Guid, Guid>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public RateLimitLease Acquire(Guid keyId) => _limiter.AttemptAcquire(keyId);

    public void Dispose() => _limiter.Dispose();
}

/// <summary>The scope an API endpoint needs, declared with <see cref="ApiScopeRequirements.RequireScope"/>.</summary>
public sealed record ApiScopeRequirement(ApiScope Scope);

public static class ApiScopeRequirements
{
    /// <summary>Lets only keys holding <paramref name="scope"/> call the endpoint; the OpenAPI document says so too.</summary>
    public static RouteHandlerBuilder RequireScope(this RouteHandlerBuilder endpoint, ApiScope scope) => endpoint
        .WithMetadata(new ApiScopeRequirement(scope))
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Description = $"{operation.Description} Needs the `{ApiScopes.NameOf(scope)}` scope.".TrimStart();
            return Task.CompletedTask;
        });
}

/// <summary>The caller of an API request, set by <see cref="ApiAccessFilter"/>.</summary>
public static class ApiHttpContext
{
    public static ApiCaller Caller(this HttpContext context) =>
        context.Features.Get<ApiCaller>() ?? throw new InvalidOperationException("An API endpoint ran without ApiAccessFilter.");

    /// <summary>Counts the post this request created in its key's use of the day.</summary>
    public static void CountPostCreated(this HttpContext context) => context.Features.Set(new ApiPostCreated());
}

/// <summary>Marks a request that created a post (<see cref="ApiHttpContext.CountPostCreated"/>).</summary>
public sealed class ApiPostCreated;
