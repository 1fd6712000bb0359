namespace Midx.Core.TikTok;

/// <summary>
/// What TikTok said when it said no: its <see cref="Code"/>, its own <see cref="TikTokMessage"/>, the
/// <see cref="LogId"/> to quote to TikTok support, and a <see cref="UserMessage"/> a creator understands.
/// Never holds a token, code or secret.
/// </summary>
public sealed record TikTokError(
    string Code,
    TikTokErrorKind Kind,
    string UserMessage,
    string? TikTokMessage,
    string? LogId,
    int HttpStatus)
{
    public static TikTokError From(string code, string? tikTokMessage, string? logId, int httpStatus)
    {
        var entry = TikTokErrorCatalog.Describe(code);
        return new TikTokError(code, entry.Kind, entry.UserMessage, string.IsNullOrWhiteSpace(tikTokMessage) ? null : tikTokMessage, logId, httpStatus);
    }

    public bool Is(string code) => TikTokErrorCatalog.Normalize(Code) == TikTokErrorCatalog.Normalize(code);
}
