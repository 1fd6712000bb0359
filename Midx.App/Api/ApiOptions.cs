using System.ComponentModel.DataAnnotations;

namespace Midx.App.Api;

/// <summary>Settings under <c>Midx:Api</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Midx:Api";

    /// <summary>Requests one API key may make in a minute (a fixed window); more get 429 with Retry-After.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>How long an upload's link accepts its bytes after the upload was created.</summary>
    [Range(1, 24 * 60)]
    public int UploadLinkMinutes { get; set; } = 60;
}
