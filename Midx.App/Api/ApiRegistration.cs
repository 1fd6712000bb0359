using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Midx.App.Api;

public static class ApiRegistration
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ApiRateLimiter>();
        builder.Services.AddSingleton<ApiUploadLinks>();
        builder.Services.AddOpenApi("v1", options =>
        {
            // Only the public API: the app's own form endpoints are no contract.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Midx API",
                    Version = "v1",
                    Description = "A workspace's linked TikTok accounts and its posts. Authenticate with an API key of the workspace: "
                        + "Authorization: Bearer midx_… (an Owner makes keys on the workspace's page). Errors are RFC 9457 problem details "
                        + "whose code is Midx's; where TikTok refused something, tikTokCode and logId carry TikTok's own.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    ["apiKey"] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "An API key of the workspace, midx_…",
                    },
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication MapApiWithDocs(this WebApplication app)
    {
        app.MapApi();
        app.MapOpenApi("/api/{documentName}/openapi.json");
        app.MapApiDocs();
        return app;
    }
}
