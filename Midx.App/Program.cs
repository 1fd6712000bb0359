using Midx.App.Accounts;
using Midx.App.Api;
using Midx.App.Admin;
using Midx.App.Connect;
using Midx.App.Hosting;
using Midx.App.Privacy;
using Midx.App.Publishing;
using Midx.App.Sandbox;
using Midx.App.TikTok;
using Midx.App.Webhooks;
using Midx.App.Workspaces;
using Midx.Core.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddMidxOptions();
builder.AddRedactedLogging();
builder.AddMidxDatabase();
builder.AddMidxDataProtection();
builder.AddMidxWeb();
builder.AddAccounts();
builder.AddWorkspaces();
builder.AddSandbox();
builder.AddTikTok();
builder.AddPrivacy();
builder.AddPublishing();
builder.AddAdminConsole();
builder.AddApi();
builder.AddWebhooks();
builder.AddConnect();

var app = builder.Build();

if (KeysCommandLine.IsKeysCommand(args))
{
    Environment.ExitCode = await KeysCommandLine.RunAsync(app.Services, args, Console.Out, CancellationToken.None);
    return;
}

await app.Services.MigrateMidxDatabaseAsync(app.Lifetime.ApplicationStopping);

app.UseMidxSecurity();
app.UseSandbox();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMidxAntiforgery();

app.MapStaticAssets();
app.MapHealthEndpoints();
app.MapFavicon();
app.MapAccountEndpoints();
app.MapPrivacyEndpoints();
app.MapSandbox();
app.MapTikTokEndpoints();
app.MapWorkspaceEndpoints();
app.MapPublishing();
app.MapAdminEndpoints();
app.MapApiWithDocs();
app.MapConnectEndpoints();
app.MapMidxComponents();

app.Run();

public partial class Program;
