namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Absolute URLs the sandbox hands out (avatars, covers, upload_url), built from the incoming request's scheme and
/// host so a client that reached the sandbox over real HTTP can reach them the same way.
/// </summary>
public static class SandboxUrls
{
    public const string UploadBasePath = "/sandbox/tiktok-upload";

    public static string Absolute(HttpContext http, string path) =>
        $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{path}";

    public static string UploadUrl(HttpContext http, UploadSession upload) =>
        Absolute(http, $"{UploadBasePath}/video/?upload_id={Uri.EscapeDataString(upload.UploadId)}&upload_token={Uri.EscapeDataString(upload.UploadToken)}");

    public static string Cover(HttpContext http, string videoId) =>
        Absolute(http, $"{SandboxRegistration.TikTokPath}/covers/{Uri.EscapeDataString(videoId)}.svg");
}
