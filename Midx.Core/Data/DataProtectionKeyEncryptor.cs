using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Midx.Core.Data;

/// <summary>
/// Encrypts each secret part of the key ring with AES-256-GCM under the <see cref="DataProtectionMasterKey"/> before
/// it is stored. The master key's id is bound into the authenticated data, so an element can only be opened with
/// the key that wrote it, and tampering is detected.
/// </summary>
public sealed class DataProtectionKeyEncryptor(DataProtectionMasterKey masterKey) : IXmlEncryptor
{
    internal const string ElementName = "midxKeyRingSecret";
    internal const int NonceSize = 12;
    internal const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(masterKey.Key, TagSize))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData(masterKey.Id));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(ElementName,
            new XAttribute("version", "1"),
            new XAttribute("masterKeyId", masterKey.Id),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(DataProtectionKeyDecryptor));
    }

    internal static byte[] AssociatedData(string masterKeyId) => Encoding.UTF8.GetBytes("Midx.KeyRing.v1/" + masterKeyId);
}
