using CreatorPlatform.Core;
using CreatorPlatform.Core.Sandbox;
using CreatorPlatform.Sandbox.Traffic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CreatorPlatform.Sandbox;

public static class SandboxServices
{
    /// <summary>The sandbox beside Core's services: its runtime (which Core sees as <see cref="ISandboxState"/>), provisioning and sample traffic.</summary>
    public static IHostApplicationBuilder AddSandbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSandbox();
        return builder;
    }

    public static IServiceCollection AddSandbox(this IServiceCollection services)
    {
        services.TryAddSingleton<SandboxUsers>();
        services.TryAddSingleton<SandboxProvisioner>();
        services.TryAddSingleton<SandboxRuntime>();
        services.Replace(ServiceDescriptor.Singleton<ISandboxState>(sp => sp.GetRequiredService<SandboxRuntime>()));
        services.TryAddSingleton<SandboxTrafficGenerator>();
        return services;
    }
}
