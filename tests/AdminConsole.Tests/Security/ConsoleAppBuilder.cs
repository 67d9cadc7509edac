using AdminConsole.Tests.Web;
using CreatorPlatform.Core;
using CreatorPlatform.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdminConsole.Tests.Security;

/// <summary>The sandbox app's services as Program wires them, on real Kestrel at a loopback port, without the emulators.</summary>
internal static class ConsoleAppBuilder
{
    public static WebApplication Build(int port, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory, ApplicationName = typeof(Program).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Mode"] = "Sandbox",
            ["Platform:Sandbox:DynamoDbPort"] = SandboxEmulators.FreePort().ToString(),
            ["Platform:Sandbox:CognitoPort"] = SandboxEmulators.FreePort().ToString(),
            ["urls"] = $"http://127.0.0.1:{port}",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.None);
        builder.AddCore();
        builder.AddSandbox();
        builder.AddAdminConsole();
        builder.Services.RemoveAll(d => d.ImplementationType == typeof(SandboxHostedService));
        return builder.Build();
    }
}
