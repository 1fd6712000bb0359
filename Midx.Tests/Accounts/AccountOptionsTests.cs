using Microsoft.Extensions.Options;
using Midx.Tests.Support;

namespace Midx.Tests.Accounts;

public sealed class AccountOptionsTests
{
    [Theory]
    [InlineData("Midx:Session:Days", "0", "Midx:Session:Days")]
    [InlineData("Midx:SignIn:PermitsPerMinute", "0", "Midx:SignIn:PermitsPerMinute")]
    [InlineData("Authentication:Google:ClientId", "only-the-id.apps.googleusercontent.com", "Authentication:Google")]
    public void Start_WithBadAccountSetting_FailsNamingTheKey(string key, string value, string named)
    {
        using var app = new MidxAppFactory(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.ServerAddress);

        Assert.Contains(named, ValidationMessage(error));
    }

    [Fact]
    public async Task SignInPage_SandboxOffAndNoGoogleClient_SaysSignInIsNotSetUp()
    {
        using var app = new MidxAppFactory(new Dictionary<string, string?> { ["Midx:Sandbox"] = "false" });
        using var flow = new SignInFlow(app);

        var page = await flow.GetDocumentAsync("/signin");

        Assert.Null(page.QuerySelector("form[data-signin-google]"));
        Assert.Contains("isn't set up", page.QuerySelector("main [role=status]")?.TextContent);
    }

    [Fact]
    public async Task SignIn_RealGoogleConfigured_RedirectsToGoogleWithClientIdAndNeverLogsSecret()
    {
        // Made up per run: what matters is that the configured value, whatever it is, never reaches a log.
        var secret = "test-run-" + Guid.NewGuid().ToString("N");
        using var app = new MidxAppFactory(new Dictionary<string, string?>
        {
            ["Midx:Sandbox"] = "false",
            ["Authentication:Google:ClientId"] = "1234-test.apps.googleusercontent.com",
            ["Authentication:Google:ClientSecret"] = secret,
        });
        using var flow = new SignInFlow(app);

        var authorize = await flow.StartAsync();

        Assert.Equal("https://accounts.google.com/o/oauth2/v2/auth", authorize.GetLeftPart(UriPartial.Path));
        Assert.Contains("client_id=1234-test.apps.googleusercontent.com", authorize.Query);
        Assert.Contains("prompt=select_account", authorize.Query);
        var redactor = app.Services.GetService(typeof(Midx.Core.Privacy.SecretRedactor)) as Midx.Core.Privacy.SecretRedactor;
        Assert.Equal("key=[redacted]", redactor!.Redact($"key={secret}"));
    }

    private static string ValidationMessage(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is OptionsValidationException validation)
            {
                return validation.Message;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault() is { } inner)
            {
                return inner.Message;
            }
        }

        return error.ToString();
    }
}
