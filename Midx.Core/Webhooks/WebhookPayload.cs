using System.Text.Json;
using System.Text.Json.Serialization;

namespace Midx.Core.Webhooks;

/// <summary>
/// The body of a delivery: <c>{"id", "type", "createdAt", "workspaceId", "data"}</c>, camelCase as the API writes its JSON. States
/// are named as the API names them (<see cref="Api.ApiNames"/>) (<c>awaiting_review</c>, <c>needs_reconnect</c>).
/// </summary>
public sealed record WebhookPayload(Guid Id, string Type, DateTime CreatedAt, Guid WorkspaceId, object Data)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary><c>data</c> of a post's events. <c>previousState</c> is null for a post just made.</summary>
public sealed record WebhookPostData(Guid PostId, Guid? AccountId, string State, string? PreviousState, string? ErrorCode, string? LogId);

/// <summary><c>data</c> of an account's events; <c>tokenState</c> is null once the account is disconnected.</summary>
public sealed record WebhookAccountData(Guid AccountId, string? TokenState);
