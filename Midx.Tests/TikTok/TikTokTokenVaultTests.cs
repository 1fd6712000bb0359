using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Midx.Core;
using Midx.Core.Data;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.TikTok;

public sealed class TikTokTokenVaultTests
{
    [Fact]
    public async Task Store_Grant_SavesCiphertextOnlyWithExpiriesFromExpiresIn()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var grant = TokenGrants.New(expiresIn: 3600, refreshExpiresIn: 86_400);
        var now = services.Time.GetUtcNow().UtcDateTime;

        var linked = await services.LinkAccountAsync(grant);

        var saved = await services.ReloadAsync(linked.Id);
        Assert.DoesNotContain(grant.AccessToken, saved.AccessTokenCipher);
        Assert.DoesNotContain(grant.RefreshToken, saved.RefreshTokenCipher);
        Assert.Equal(now.AddSeconds(3600), saved.AccessTokenExpiresAt);
        Assert.Equal(now.AddSeconds(86_400), saved.RefreshTokenExpiresAt);
        Assert.Equal(now.AddSeconds(3600 * 0.8), saved.NextRefreshAttemptAt);
        var vault = services.Provider.GetRequiredService<TikTokTokenVault>();
        Assert.True(vault.TryReadAccessToken(saved, out var access, out _));
        Assert.True(vault.TryReadRefreshToken(saved, out var refresh, out _));
        Assert.Equal(grant.AccessToken, access);
        Assert.Equal(grant.RefreshToken, refresh);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task TryReadAccessToken_CiphertextMovedToAnotherKindOrAccount_IsUnreadable()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        var first = await services.LinkAccountAsync(TokenGrants.New(), "first");
        var second = await services.LinkAccountAsync(TokenGrants.New(), "second");
        var vault = services.Provider.GetRequiredService<TikTokTokenVault>();

        var swappedKind = new TikTokAccount { Id = first.Id, OpenId = "x", AccessTokenCipher = first.RefreshTokenCipher };
        var otherRow = new TikTokAccount { Id = second.Id, OpenId = "x", AccessTokenCipher = first.AccessTokenCipher };

        Assert.False(vault.TryReadAccessToken(swappedKind, out _, out var problem));
        Assert.Equal(TikTokTokenVault.UnreadableProblem, problem);
        Assert.False(vault.TryReadAccessToken(otherRow, out _, out _));
        Assert.False(vault.TryReadAccessToken(new TikTokAccount { OpenId = "x" }, out _, out var missing));
        Assert.Equal(TikTokTokenVault.MissingProblem, missing);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task KeyRing_InDatabase_IsEncryptedWithTheMasterKey()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        await services.LinkAccountAsync(TokenGrants.New());

        var rows = await services.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());

        var key = Assert.Single(rows, r => r.Xml?.StartsWith("<key", StringComparison.Ordinal) == true);
        Assert.Contains(nameof(DataProtectionKeyDecryptor), key.Xml);
        Assert.Contains("midxKeyRingSecret", key.Xml);
        Assert.DoesNotContain("<masterKey", key.Xml);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task Store_FreshKeyRing_CreatesAnAes256GcmKey()
    {
        await using var services = await TikTokTestServices.CreateAsync();
        await services.LinkAccountAsync(TokenGrants.New());

        var rows = await services.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());

        var key = XElement.Parse(Assert.Single(rows).Xml!);
        var algorithm = key.Descendants("encryption").Select(e => (string?)e.Attribute("algorithm")).Single();
        Assert.Equal("AES_256_GCM", algorithm);
        TikTokTestServices.DeleteFolder(services.Folder);
    }

    [Fact]
    public async Task Restart_SameMasterKey_ReadsTokensSavedBefore()
    {
        var masterKey = TikTokTestServices.NewMasterKey();
        var grant = TokenGrants.New();
        string folder;
        Guid accountId;
        await using (var first = await TikTokTestServices.CreateAsync(masterKey))
        {
            folder = first.Folder;
            accountId = (await first.LinkAccountAsync(grant)).Id;
        }

        await using var second = await TikTokTestServices.CreateAsync(masterKey, folder);
        var result = await second.InScopeAsync(sp => sp.GetRequiredService<TikTokAccessTokens>().GetFreshAccessTokenAsync(accountId, CancellationToken.None));

        Assert.Equal(TokenRefreshOutcome.StillFresh, result.Outcome);
        Assert.Equal(grant.AccessToken, result.AccessToken);
        Assert.Empty(second.Handler.Requests);
        TikTokTestServices.DeleteFolder(folder);
    }

    [Fact]
    public async Task GetFreshAccessTokenAsync_MasterKeyReplaced_AccountNeedsReconnectWithoutException()
    {
        var grant = TokenGrants.New();
        string folder;
        Guid accountId;
        await using (var first = await TikTokTestServices.CreateAsync())
        {
            folder = first.Folder;
            accountId = (await first.LinkAccountAsync(grant)).Id;
        }

        await using var second = await TikTokTestServices.CreateAsync(TikTokTestServices.NewMasterKey(), folder);
        var result = await second.InScopeAsync(sp => sp.GetRequiredService<TikTokAccessTokens>().GetFreshAccessTokenAsync(accountId, CancellationToken.None));

        Assert.Equal(TokenRefreshOutcome.NeedsReconnect, result.Outcome);
        Assert.Null(result.AccessToken);
        var saved = await second.ReloadAsync(accountId);
        Assert.Equal(TokenState.NeedsReconnect, saved.TokenState);
        Assert.Equal(TikTokTokenVault.UnreadableProblem, saved.TokenProblem);
        Assert.Null(saved.AccessTokenCipher);
        Assert.Null(saved.RefreshTokenCipher);
        var audit = await second.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync());
        Assert.Equal(TikTokAuditActions.NeedsReconnect, audit.Action);
        Assert.Equal(saved.UserId, audit.SubjectUserId);
        Assert.Empty(second.Handler.Requests);
        TikTokTestServices.DeleteFolder(folder);
    }

    [Fact]
    public async Task GetFreshAccessTokenAsync_KeyRevoked_AccountNeedsReconnect()
    {
        var masterKey = TikTokTestServices.NewMasterKey();
        string folder;
        Guid accountId;
        await using (var first = await TikTokTestServices.CreateAsync(masterKey))
        {
            folder = first.Folder;
            accountId = (await first.LinkAccountAsync(TokenGrants.New())).Id;
            first.Provider.GetRequiredService<IKeyManager>().RevokeAllKeys(DateTimeOffset.UtcNow.AddMinutes(1), "leak drill");
        }

        // Instances read the ring on start (a running one picks a revocation up on its next key ring refresh).
        await using var second = await TikTokTestServices.CreateAsync(masterKey, folder);
        var result = await second.InScopeAsync(sp => sp.GetRequiredService<TikTokAccessTokens>().GetFreshAccessTokenAsync(accountId, CancellationToken.None));

        Assert.Equal(TokenRefreshOutcome.NeedsReconnect, result.Outcome);
        Assert.Equal(TikTokTokenVault.UnreadableProblem, result.Problem);
        Assert.Equal(TokenState.NeedsReconnect, (await second.ReloadAsync(accountId)).TokenState);
        Assert.Empty(second.Handler.Requests);
        TikTokTestServices.DeleteFolder(folder);
    }

    [Fact]
    public void Decrypt_WhatEncryptWrote_RoundTrips()
    {
        var key = new DataProtectionMasterKey(RandomNumberGenerator.GetBytes(32));
        var secret = new XElement("masterKey", new XElement("value", "c2VjcmV0LWtleS1tYXRlcmlhbA=="));

        var encrypted = new DataProtectionKeyEncryptor(key).Encrypt(secret);
        var decrypted = new DataProtectionKeyDecryptor(key).Decrypt(encrypted.EncryptedElement);

        Assert.Equal(typeof(DataProtectionKeyDecryptor), encrypted.DecryptorType);
        Assert.DoesNotContain("c2VjcmV0LWtleS1tYXRlcmlhbA==", encrypted.EncryptedElement.ToString());
        Assert.Equal(secret.ToString(), decrypted.ToString());
    }

    [Fact]
    public void Decrypt_TamperedOrOtherMasterKey_Throws()
    {
        var key = new DataProtectionMasterKey(RandomNumberGenerator.GetBytes(32));
        var encrypted = new DataProtectionKeyEncryptor(key).Encrypt(new XElement("masterKey", "secret")).EncryptedElement;
        var tampered = new XElement(encrypted);
        var value = Convert.FromBase64String(tampered.Element("value")!.Value);
        value[0] ^= 1;
        tampered.Element("value")!.Value = Convert.ToBase64String(value);

        Assert.ThrowsAny<CryptographicException>(() => new DataProtectionKeyDecryptor(key).Decrypt(tampered));
        var wrongKey = Assert.ThrowsAny<CryptographicException>(() =>
            new DataProtectionKeyDecryptor(new DataProtectionMasterKey(RandomNumberGenerator.GetBytes(32))).Decrypt(encrypted));
        Assert.Contains("Midx:KeyRing:MasterKey", wrongKey.Message);
    }

    [Fact]
    public void Resolve_LocalKeyAllowed_GeneratesOnceAndReusesIt()
    {
        var folder = Directory.CreateTempSubdirectory("midx-keyring-").FullName;

        var first = DataProtectionMasterKey.Resolve(null, allowLocalKey: true, folder);
        var second = DataProtectionMasterKey.Resolve("", allowLocalKey: true, folder);

        Assert.Equal(first.Id, second.Id);
        Assert.True(File.Exists(Path.Combine(folder, DataProtectionMasterKey.LocalKeyFileName)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, DataProtectionMasterKey.LocalKeyFileName)));
        }

        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void KeyRingOptions_ProductionWithoutValidMasterKey_FailsNamingTheSetting(string? masterKey)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Midx:KeyRing:MasterKey"] = masterKey,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<MidxOptions>();
        services.AddMidxDataProtection(allowLocalKey: false, Path.GetTempPath());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DataProtectionKeyRingOptions>>().Value);

        Assert.Contains("Midx:KeyRing:MasterKey", error.Message);
    }
}
