using System.Security.Cryptography;
using System.Text;

namespace Midx.Core.Data;

/// <summary>The 256-bit key that encrypts the Data Protection key ring at rest, and a non-secret id to tell keys apart.</summary>
public sealed class DataProtectionMasterKey
{
    public const int KeySizeBytes = 32;
    public const string LocalKeyFileName = "keyring-master.key";

    private readonly byte[] _key;

    public DataProtectionMasterKey(byte[] key)
    {
        if (key.Length != KeySizeBytes)
        {
            throw new ArgumentException($"The key ring master key must be {KeySizeBytes} bytes.", nameof(key));
        }

        _key = key.ToArray();
        // A fingerprint, not the key: lets an operator see which master key wrote an element without revealing it.
        Id = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes("Midx.KeyRing.MasterKeyId/"), .. _key]))[..16];
    }

    public string Id { get; }

    internal ReadOnlySpan<byte> Key => _key;

    public static bool TryDecode(string? base64, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return key.Length == KeySizeBytes;
    }

    /// <summary>The configured key, or (Development/sandbox only) the local key file under the data folder, created once.</summary>
    public static DataProtectionMasterKey Resolve(string? configured, bool allowLocalKey, string dataFolder)
    {
        if (TryDecode(configured, out var key))
        {
            return new DataProtectionMasterKey(key);
        }

        if (!string.IsNullOrWhiteSpace(configured) || !allowLocalKey)
        {
            throw new InvalidOperationException(DataProtectionRegistration.MasterKeyProblem);
        }

        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, LocalKeyFileName);
        if (!File.Exists(path))
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var file = new StreamWriter(path, Encoding.ASCII, options);
                file.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySizeBytes)));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }

        return TryDecode(File.ReadAllText(path), out key)
            ? new DataProtectionMasterKey(key)
            : throw new InvalidOperationException($"The local key ring master key file {path} is not 32 bytes of base64. Delete it to generate a new one (linked TikTok accounts will need reconnecting).");
    }
}
