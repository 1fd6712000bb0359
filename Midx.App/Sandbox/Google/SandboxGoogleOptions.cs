using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;

namespace Midx.App.Sandbox.Google;

/// <summary>
/// Settings under <c>Midx:SandboxGoogle</c>: the OAuth client the stand-in Google has "registered". Midx itself always
/// presents <see cref="DefaultClientId"/> and <see cref="DefaultClientSecret"/> in sandbox mode, so changing these
/// here is how a test makes the stand-in reject Midx's credentials.
/// </summary>
public sealed class SandboxGoogleOptions
{
    public const string Section = "Midx:SandboxGoogle";

    /// <summary>Deliberately nothing like a real Google client id (those end in .apps.googleusercontent.com).</summary>
    public const string DefaultClientId = "midx-sandbox-client";

    /// <summary>Made up when the process starts: the stand-in and Midx share it in memory, and no secret-like literal sits in the code.</summary>
    public static readonly string DefaultClientSecret = "sandbox-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    [Required(AllowEmptyStrings = false)]
    public string ClientId { get; set; } = DefaultClientId;

    [Required(AllowEmptyStrings = false)]
    public string ClientSecret { get; set; } = DefaultClientSecret;

    /// <summary>How long an authorization code can be exchanged. Google's live for minutes; short keeps tests honest.</summary>
    [Range(1, 3600)]
    public int CodeLifetimeSeconds { get; set; } = 120;

    /// <summary>Makes userinfo fail every call; tests set it to see what Midx does when the profile step fails.</summary>
    [EnumDataType(typeof(SandboxGoogleUserInfoFault))]
    public SandboxGoogleUserInfoFault UserInfoFault { get; set; }
}
