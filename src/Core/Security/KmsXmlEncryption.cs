using System.Text;
using System.Xml.Linq;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Security;

/// <summary>Encrypts each data-protection key with a KMS key (<c>Platform:DataProtectionKmsKeyId</c>) before it is stored.</summary>
public sealed class KmsXmlEncryptor(IServiceProvider services, string keyId) : IXmlEncryptor
{
    /// <summary>Binds each ciphertext to this use: KMS refuses to decrypt it with another context.</summary>
    internal static readonly Dictionary<string, string> Context = new() { ["purpose"] = "creator-platform-admin-console/data-protection" };

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        using var plaintext = new MemoryStream(Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)));
        var kms = services.GetRequiredService<IAmazonKeyManagementService>();
        var response = kms.EncryptAsync(new EncryptRequest { KeyId = keyId, Plaintext = plaintext, EncryptionContext = new(Context) }).GetAwaiter().GetResult();
        var element = new XElement("encryptedKey",
            new XComment(" This key is encrypted with AWS KMS. "),
            new XElement("keyId", response.KeyId ?? keyId),
            new XElement("value", Convert.ToBase64String(response.CiphertextBlob.ToArray())));
        return new EncryptedXmlInfo(element, typeof(KmsXmlDecryptor));
    }
}

/// <summary>Created by data protection from the type name in the stored key, with the app's services.</summary>
public sealed class KmsXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var kms = services.GetRequiredService<IAmazonKeyManagementService>();
        using var ciphertext = new MemoryStream(Convert.FromBase64String((string?)encryptedElement.Element("value") ?? ""));
        var response = kms.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = ciphertext, KeyId = (string?)encryptedElement.Element("keyId"), EncryptionContext = new(KmsXmlEncryptor.Context),
        }).GetAwaiter().GetResult();
        return XElement.Parse(Encoding.UTF8.GetString(response.Plaintext.ToArray()));
    }
}
