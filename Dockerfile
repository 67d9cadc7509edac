# Creator Platform Admin Console for a real AWS account (Mode=Aws, Entra ID sign-in); the sandbox is for local use.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props appsettings.json ./
COPY src/Core/Core.csproj src/Core/
COPY src/Sandbox/Sandbox.csproj src/Sandbox/
COPY src/AdminConsole/AdminConsole.csproj src/AdminConsole/
RUN dotnet restore src/AdminConsole/AdminConsole.csproj
COPY src/ src/
RUN dotnet publish src/AdminConsole/AdminConsole.csproj -c Release -o /app --no-restore /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build --chown=root:root /app ./
# Read-only root file system friendly: nothing is written under /app; data protection keys and temp files go to /tmp
# (mount a tmpfs there), and with several replicas point DataProtection at shared storage (README).
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Platform__Mode=Aws \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_gcServer=0 \
    TMPDIR=/tmp \
    ASPNETCORE_FORWARDEDHEADERS_ENABLED=true \
    Logging__Console__FormatterName=json \
    Logging__Console__FormatterOptions__IncludeScopes=true
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["dotnet", "AdminConsole.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "AdminConsole.dll"]
