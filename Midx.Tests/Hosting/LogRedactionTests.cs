using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Midx.Core.Privacy;
using Midx.Tests.Support;

namespace Midx.Tests.Hosting;

public sealed class LogRedactionTests : IDisposable
{
    private const string AccessToken = "act.1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6dKnownToken!4321";
    private const string AuthorizationCode = "code-Zx81Qm0pKnownAuthCode";
    private const string ClientSecret = "sk-known-client-secret-9f8e7d";

    private readonly MidxAppFactory _app = new(new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
    });

    [Fact]
    public async Task Log_SecretsInMessagesValuesAndUrls_NeverReachTheSink()
    {
        await _app.CreateHttpClient().GetAsync("/healthz");
        _app.Services.GetRequiredService<SecretRedactor>().RegisterSecret(ClientSecret);
        var logger = _app.Services.GetRequiredService<ILogger<LogRedactionTests>>();

        logger.LogInformation("Refreshing with {access_token}", AccessToken);
        logger.LogInformation("Calling https://open.tiktokapis.com/v2/oauth/token/?code={Code}&client_secret={Secret}", AuthorizationCode, ClientSecret);
        logger.LogWarning("TikTok answered {Body}", $"{{\"access_token\":\"{AccessToken}\",\"scope\":\"video.upload\"}}");
        logger.LogError("Upstream rejected header Authorization: Bearer {Header}", AccessToken);
        await _app.CreateHttpClient().GetAsync($"/tiktok/callback?code={AuthorizationCode}&state=abc");

        var text = _app.Logs.AllText;
        Assert.Contains(SecretRedactor.Mask, text);
        Assert.Contains("video.upload", text);
        Assert.Contains("/tiktok/callback", text);
        Assert.DoesNotContain(AccessToken, text);
        Assert.DoesNotContain("KnownToken", text);
        Assert.DoesNotContain(AuthorizationCode, text);
        Assert.DoesNotContain(ClientSecret, text);
    }

    [Theory]
    [InlineData("GET /x?code=abc123xyz&state=s1", "GET /x?code=[redacted]&state=s1")]
    [InlineData("{\"refresh_token\":\"rft.secret\",\"expires_in\":86400}", "{\"refresh_token\":\"[redacted]\",\"expires_in\":86400}")]
    [InlineData("Authorization: Bearer act.abc!1234", "Authorization: Bearer [redacted]")]
    [InlineData("client_secret=s3cr3t&grant_type=refresh_token", "client_secret=[redacted]&grant_type=refresh_token")]
    [InlineData("Job 42 moved to Uploading", "Job 42 moved to Uploading")]
    public void Redact_KnownShapes_MasksOnlyTheSecretPart(string input, string expected)
    {
        Assert.Equal(expected, new SecretRedactor().Redact(input));
    }

    public void Dispose() => _app.Dispose();
}
