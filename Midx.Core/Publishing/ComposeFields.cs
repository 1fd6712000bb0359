using Midx.Core.Errors;

namespace Midx.Core.Publishing;

/// <summary>
/// Which field of the compose page a submission problem belongs to, so the message appears beside what has to change.
/// Each submission code names its field in <see cref="ErrorCatalog"/>.
/// </summary>
public static class ComposeFields
{
    public const string General = "general";
    public const string Account = "account";
    public const string Video = "video";
    public const string Url = "url";
    public const string Caption = "caption";
    public const string Privacy = "privacy";
    public const string Disclosure = "disclosure";
    public const string Cover = "cover";
    public const string Schedule = "schedule";

    public static string For(ErrorCode code) => code.Field ?? General;
}
