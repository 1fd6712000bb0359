using Microsoft.Extensions.Options;
using Midx.Tests.Support;

namespace Midx.Tests.Hosting;

public sealed class StartupValidationTests
{
    [Fact]
    public void Start_InProductionWithSandbox_RefusesAndSaysWhy()
    {
        using var app = new MidxAppFactory(environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => app.ServerAddress);

        var validation = FindValidationError(error);
        Assert.Contains("Midx:Sandbox", validation.Message);
        Assert.Contains("Midx:AllowSandboxInProduction", validation.Message);
    }

    [Fact]
    public async Task Start_InProductionWithSandboxExplicitlyAllowed_Serves()
    {
        using var app = new MidxAppFactory(new Dictionary<string, string?> { ["Midx:AllowSandboxInProduction"] = "true" }, environment: "Production");

        // Production redirects plain HTTP to HTTPS; the redirect itself proves the app started and answered.
        var response = await app.CreateHttpClient().GetAsync("/healthz");

        Assert.True((int)response.StatusCode is 200 or 307 or 308, $"Unexpected status {(int)response.StatusCode}");
        Assert.True(response.Headers.Contains("Content-Security-Policy") || response.Headers.Location is not null);
    }

    [Theory]
    [InlineData("Midx:OperatorName", "", "OperatorName")]
    [InlineData("Midx:ContactEmail", "not-an-email", "ContactEmail")]
    [InlineData("Midx:Database:Provider", "Postgres", "Midx:Database:ConnectionString")]
    [InlineData("Midx:Proxy:KnownProxies:0", "proxy.internal", "Midx:Proxy:KnownProxies")]
    [InlineData("Midx:Proxy:KnownNetworks:0", "10.0.0.0", "Midx:Proxy:KnownNetworks")]
    [InlineData("Midx:Retention:AbandonedUploadMinutes", "0", "AbandonedUploadMinutes")]
    [InlineData("Midx:Publishing:UploadIdleTimeout", "00:06:00", "Midx:Retention:AbandonedUploadMinutes")]
    public void Start_WithBadSetting_FailsNamingTheKey(string key, string value, string named)
    {
        using var app = new MidxAppFactory(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.ServerAddress);

        Assert.Contains(named, FindValidationError(error).Message);
    }

    private static OptionsValidationException FindValidationError(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is OptionsValidationException validation)
            {
                return validation;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault() is { } inner)
            {
                return inner;
            }
        }

        throw new Xunit.Sdk.XunitException($"Expected an options validation failure, got: {error}");
    }
}
