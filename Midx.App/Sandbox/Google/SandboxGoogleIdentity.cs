using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Midx.App.Sandbox.Google;

/// <summary>
/// A Google account as the stand-in Google knows it. The subject id is derived from the email, so signing in as the
/// same address twice is the same account, unless a test supplies its own subject (to prove Midx matches on the
/// subject, not the address).
/// </summary>
public sealed record SandboxGoogleIdentity(string Subject, string Email, string Name, bool EmailVerified)
{
    /// <summary>The identities offered on the stand-in's account chooser. Ada is an admin in appsettings.Development.json.</summary>
    public static IReadOnlyList<SandboxGoogleIdentity> TestIdentities { get; } =
    [
        For("ada@sandbox.midx.test", "Ada Lovelace"),
        For("grace@sandbox.midx.test", "Grace Hopper"),
        For("alan@sandbox.midx.test", "Alan Turing"),
        For("unverified@sandbox.midx.test", "Uma Unverified", emailVerified: false),
    ];

    /// <summary>The avatar's path on the stand-in; the chooser page links it as is, relative to the host it is on.</summary>
    public string PicturePath =>
        $"{SandboxRegistration.GooglePath}/avatar/{Subject}.svg?initial={Uri.EscapeDataString(Initial)}";

    /// <summary>The avatar as Google hands it to clients: an absolute URL (on the stand-in's bound origin).</summary>
    public string PictureUrl(Uri origin) => new Uri(origin, PicturePath).ToString();

    public string Initial => Name.Length > 0 && char.IsLetterOrDigit(Name[0]) ? Name[..1].ToUpperInvariant() : "?";

    public static SandboxGoogleIdentity For(string email, string name, bool emailVerified = true, string? subject = null)
    {
        var trimmedEmail = email.Trim();
        return new SandboxGoogleIdentity(
            string.IsNullOrWhiteSpace(subject) ? SubjectFor(trimmedEmail) : subject.Trim(),
            trimmedEmail,
            string.IsNullOrWhiteSpace(name) ? trimmedEmail : name.Trim(),
            emailVerified);
    }

    /// <summary>Google subject ids are 21-digit numbers; this makes one from the address, the same every time.</summary>
    public static string SubjectFor(string email)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));
        var number = BinaryPrimitives.ReadUInt64BigEndian(hash);
        return "1" + number.ToString("D20", System.Globalization.CultureInfo.InvariantCulture);
    }
}
