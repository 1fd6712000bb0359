using System.Text.Json;
using System.Text.Json.Serialization;

namespace Midx.Core.Webhooks;

/// <summary>
/// The body of a delivery: <c>{"id", "type", "created_at", "workspace_id", "data"}</c>, snake_case throughout. States
/// are written as the API writes them (<c>awaiting_review</c>, <c>needs_reconnect</c>).
/// </summary>
public sealed record WebhookPayload(Guid Id, string Type, DateTime CreatedAt, Guid WorkspaceId, object Data)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>An enum value as the API and the payloads name it: <c>SentToInbox</c> → <c>sent_to_inbox</c>.</summary>
    public static string NameOf<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

/// <summary><c>data</c> of a post's events. <c>previous_state</c> is null for a post just made.</summary>
public sealed record WebhookPostData(Guid PostId, Guid? AccountId, string State, string? PreviousState, string? ErrorCode, string? LogId);

/// <summary><c>data</c> of an account's events; <c>token_state</c> is null once the account is disconnected.</summary>
public sealed record WebhookAccountData(Guid AccountId, string? TokenState);
