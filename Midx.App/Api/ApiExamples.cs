using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Midx.App.Api;

/// <summary>Examples in the OpenAPI document, written as the API reads and writes its JSON, so the reference shows real bodies.</summary>
public static class ApiExamples
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Shows <paramref name="request"/> as the body's example and <paramref name="response"/> as each success answer's.</summary>
    public static RouteHandlerBuilder WithExamples(this RouteHandlerBuilder endpoint, object? request, object response) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (request is not null && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
            {
                body.Example = JsonSerializer.SerializeToNode(request, Json);
            }

            foreach (var (status, answer) in operation.Responses ?? [])
            {
                if (status.StartsWith('2') && answer.Content?.TryGetValue("application/json", out var content) == true)
                {
                    content.Example = JsonSerializer.SerializeToNode(response, Json);
                }
            }

            return Task.CompletedTask;
        });

    public static readonly Guid AccountId = Guid.Parse("019ae1c2-4a10-7c3e-9f1a-6d2b8e4f0a11");
    public static readonly Guid UploadId = Guid.Parse("019ae1c2-5b20-7d4f-8a2b-7e3c9f5a1b22");
    public static readonly Guid PostId = Guid.Parse("019ae1c2-6c30-7e5a-9b3c-8f4d0a6b2c33");
    private static readonly DateTime At = new(2026, 12, 4, 9, 30, 0, DateTimeKind.Utc);

    public static readonly ApiCreateUpload CreateUpload = new("spring-drop.mp4");

    public static readonly ApiUpload WaitingUpload = new(UploadId, "waiting_for_bytes", "spring-drop.mp4",
        $"{ApiEndpoints.BasePath}/uploads/{UploadId}/content?t=CfDJ8…", At.AddHours(1), null, null, null, null, null);

    public static readonly ApiUpload ReadyUpload = new(UploadId, "ready", "spring-drop.mp4", null, null, 18_874_368, "video/mp4", 14_200, At, At.AddHours(23));

    public static readonly ApiCreatePost CreatePost = new(AccountId, "direct", UploadId, null, "Spring drop is live #shop", "PUBLIC_TO_EVERYONE",
        AllowComment: true, AllowDuet: false, AllowStitch: false, CoverTimestampMs: 1000, BrandOrganic: true, BrandContent: false, IsAigc: false,
        ScheduledAt: At.AddHours(3), ConsentText: "By posting, you agree to TikTok's Music Usage Confirmation. [Post to TikTok]");

    public static readonly ApiPost Post = new(PostId, AccountId, "direct", "file", "scheduled", "Scheduled", "Spring drop is live #shop", "PUBLIC_TO_EVERYONE",
        DisableComment: false, DisableDuet: true, DisableStitch: true, BrandContent: false, BrandOrganic: true, IsAigc: false, CoverTimestampMs: 1000,
        FileName: "spring-drop.mp4", SourceUrl: null, ScheduledAt: At.AddHours(3), CreatedAt: At, UpdatedAt: At, CompletedAt: null, PublishId: null,
        PublicPostId: null, ReviewComment: null, RetryOf: null, Error: null);
}
