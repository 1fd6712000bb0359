namespace Midx.Core.Data;

/// <summary>
/// Settings under <c>Midx:KeyRing</c>. The Data Protection key ring (which protects TikTok tokens, session cookies
/// and antiforgery tokens) lives in the database, and every secret in it is encrypted with <see cref="MasterKey"/>,
/// so a copy of the database alone reveals nothing.
/// </summary>
public sealed class DataProtectionKeyRingOptions
{
    public const string Section = "Midx:KeyRing";

    /// <summary>
    /// 32 random bytes, base64 (<c>openssl rand -base64 32</c>), from the environment variable
    /// <c>Midx__KeyRing__MasterKey</c> or user-secrets; never from a committed file. Required outside Development
    /// and sandbox mode. Where it is empty in Development or sandbox mode, a key is generated once and kept in
    /// <c>{DataFolder}/keyring-master.key</c>: convenient locally, but it sits beside the database, so it protects
    /// nothing against someone holding the whole data folder. Changing this key makes the whole key ring unreadable:
    /// people sign in again and every linked TikTok account asks to be reconnected (the intended response to a leak).
    /// </summary>
    public string? MasterKey { get; set; }
}
