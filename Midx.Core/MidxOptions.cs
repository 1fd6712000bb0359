using System.ComponentModel.DataAnnotations;

namespace Midx.Core;

/// <summary>Settings under <c>Midx</c>: who runs this instance and how it behaves.</summary>
public sealed class MidxOptions
{
    public const string Section = "Midx";

    /// <summary>Use the built-in stand-in Google and TikTok servers instead of the real ones.</summary>
    public bool Sandbox { get; set; }

    /// <summary>Production refuses to start in sandbox mode unless this is set on purpose.</summary>
    public bool AllowSandboxInProduction { get; set; }

    /// <summary>Emails of people who are admins from their first sign-in.</summary>
    public string[] Admins { get; set; } = [];

    /// <summary>Who operates this instance; named on the policy pages.</summary>
    [Required(AllowEmptyStrings = false)]
    public string OperatorName { get; set; } = "";

    /// <summary>Where people write about their data; named on the policy pages.</summary>
    [Required(AllowEmptyStrings = false), EmailAddress]
    public string ContactEmail { get; set; } = "";

    /// <summary>Folder for the SQLite file, media and other state; relative paths are resolved from the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataFolder { get; set; } = "data";
}
