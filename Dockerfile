# Build: the .NET SDK alone (MudBlazor's and Blazor's browser assets come from NuGet packages).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props MidxBlazor.sln ./
COPY Midx.Core/Midx.Core.csproj Midx.Core/
COPY Midx.App/Midx.App.csproj Midx.App/
RUN dotnet restore Midx.App/Midx.App.csproj
COPY Midx.Core/ Midx.Core/
COPY Midx.App/ Midx.App/
RUN dotnet publish Midx.App/Midx.App.csproj -c Release -o /app --no-restore

# Run: the ASP.NET Core runtime only, as the image's non-root user, with all state under /data.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    Midx__DataFolder=/data
VOLUME /data
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "Midx.App.dll"]
