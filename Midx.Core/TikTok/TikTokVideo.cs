namespace Midx.Core.TikTok;

/// <summary>
/// A Video Object of the Display API (https://developers.tiktok.com/doc/tiktok-api-v2-video-object). <c>id</c> is a
/// string; <c>create_time</c> is in seconds.
/// </summary>
public sealed record TikTokVideo
{
    public const string DefaultFields = "id,create_time,cover_image_url,share_url,video_description,duration,height,width,title,embed_link,like_count,comment_count,share_count,view_count";

    public string? Id { get; init; }
    public long? CreateTime { get; init; }
    public string? CoverImageUrl { get; init; }
    public string? ShareUrl { get; init; }
    public string? VideoDescription { get; init; }
    public int? Duration { get; init; }
    public int? Height { get; init; }
    public int? Width { get; init; }
    public string? Title { get; init; }
    public string? EmbedHtml { get; init; }
    public string? EmbedLink { get; init; }
    public int? LikeCount { get; init; }
    public int? CommentCount { get; init; }
    public int? ShareCount { get; init; }
    public long? ViewCount { get; init; }
}

/// <summary>
/// <c>data</c> of video list / query (https://developers.tiktok.com/doc/tiktok-api-v2-video-list). <c>cursor</c> is
/// epoch milliseconds; pass it back to page.
/// </summary>
public sealed record TikTokVideoPage
{
    public IReadOnlyList<TikTokVideo> Videos { get; init; } = [];
    public long? Cursor { get; init; }
    public bool HasMore { get; init; }
}

internal sealed record TikTokVideoListRequest(long? Cursor, int MaxCount);

internal sealed record TikTokVideoQueryRequest(TikTokVideoFilters Filters);

internal sealed record TikTokVideoFilters(IReadOnlyList<string> VideoIds);
