# Creator Platform Admin Console: runs against a real AWS account (Mode=Aws); the sandbox is for local use.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props appsettings.json ./
COPY src/Core/Core.csproj src/Core/
COPY src/AdminConsole/AdminConsole.csproj src/AdminConsole/
RUN dotnet restore src/AdminConsole/AdminConsole.csproj
COPY src/ src/
RUN dotnet publish src/AdminConsole/AdminConsole.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Platform__Mode=Aws \
    DOTNET_RUNNING_IN_CONTAINER=true
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["dotnet", "AdminConsole.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "AdminConsole.dll"]
