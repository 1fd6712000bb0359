using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Midx.Core.Data;

/// <summary>
/// Opens what <see cref="DataProtectionKeyEncryptor"/> wrote. Data Protection creates decryptors by type name with
/// the app's service provider, hence the <see cref="IServiceProvider"/> constructor. A wrong master key or a
/// tampered element throws <see cref="CryptographicException"/>; the key it belonged to is then unusable, which
/// turns affected TikTok accounts into "needs reconnect".
/// </summary>
public sealed class DataProtectionKeyDecryptor : IXmlDecryptor
{
    private readonly DataProtectionMasterKey _masterKey;

    public DataProtectionKeyDecryptor(IServiceProvider services)
        : this(services.GetRequiredService<DataProtectionMasterKey>())
    {
    }

    public DataProtectionKeyDecryptor(DataProtectionMasterKey masterKey) => _masterKey = masterKey;

    public XElement Decrypt(XElement encryptedElement)
    {
        if (encryptedElement.Name != DataProtectionKeyEncryptor.ElementName || (string?)encryptedElement.Attribute("version") != "1")
        {
            throw new CryptographicException("This key ring element was not written by Midx's key ring encryptor.");
        }

        var writtenWith = (string?)encryptedElement.Attribute("masterKeyId");
        if (!string.Equals(writtenWith, _masterKey.Id, StringComparison.Ordinal))
        {
            throw new CryptographicException(
                $"This key ring element was encrypted with master key {writtenWith}, but {DataProtectionKeyRingOptions.Section}:MasterKey is {_masterKey.Id}. "
                + "Restore the old master key to read it; otherwise it stays unreadable and affected TikTok accounts must be reconnected.");
        }

        var nonce = Bytes(encryptedElement, "nonce");
        var tag = Bytes(encryptedElement, "tag");
        var ciphertext = Bytes(encryptedElement, "value");
        if (nonce.Length != DataProtectionKeyEncryptor.NonceSize || tag.Length != DataProtectionKeyEncryptor.TagSize)
        {
            throw new CryptographicException("This key ring element is damaged.");
        }

        var plaintext = new byte[ciphertext.Length];
        try
        {
            using (var aes = new AesGcm(_masterKey.Key, DataProtectionKeyEncryptor.TagSize))
            {
                aes.Decrypt(nonce, ciphertext, tag, plaintext, DataProtectionKeyEncryptor.AssociatedData(_masterKey.Id));
            }

            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static byte[] Bytes(XElement parent, string name)
    {
        try
        {
            return Convert.FromBase64String((string?)parent.Element(name) ?? throw new CryptographicException($"This key ring element has no {name}."));
        }
        catch (FormatException)
        {
            throw new CryptographicException($"This key ring element's {name} is damaged.");
        }
    }
}
