using System.Net;
using CreatorPlatform.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AdminConsole.Tests.Web;

/// <summary>
/// The app in Mode=Sandbox with its real sign-in (the local admin), without starting the emulators: DynamoDB and
/// Cognito point at free ports where nothing listens. A request's caller address is the <see cref="RemoteHeader"/>
/// (the in-memory server has none of its own).
/// </summary>
public sealed class SandboxFactory : WebApplicationFactory<Program>
{
    public const string RemoteHeader = "X-Test-Remote";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Platform:Mode", "Sandbox");
        builder.UseSetting("Platform:Sandbox:DynamoDbPort", SandboxEmulators.FreePort().ToString());
        builder.UseSetting("Platform:Sandbox:CognitoPort", SandboxEmulators.FreePort().ToString());
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll(d => d.ImplementationType == typeof(SandboxHostedService));
            services.AddSingleton<IStartupFilter, RemoteAddressFilter>();
        });
    }

    public HttpClient ClientFrom(string remote, string host = "127.0.0.1:5080")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{host}") });
        client.DefaultRequestHeaders.Add(RemoteHeader, remote);
        return client;
    }

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate call) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[RemoteHeader].ToString(), out var remote)) context.Connection.RemoteIpAddress = remote;
                return call(context);
            });
            next(app);
        };
    }
}

internal static class ServiceCollectionTestExtensions
{
    public static void RemoveAll(this IServiceCollection services, Func<ServiceDescriptor, bool> match)
    {
        foreach (var descriptor in services.Where(match).ToList()) services.Remove(descriptor);
    }
}
