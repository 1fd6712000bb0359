using Midx.Core.Connect;

namespace Midx.App.Connect;

public static class ConnectRegistration
{
    public static WebApplicationBuilder AddConnect(this WebApplicationBuilder builder)
    {
        builder.Services.AddMidxConnect();
        return builder;
    }
}
