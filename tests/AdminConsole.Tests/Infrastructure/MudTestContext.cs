using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AdminConsole.Tests.Infrastructure;

/// <summary>The one place that registers MudBlazor for component tests.</summary>
public abstract class MudTestContext : BunitContext
{
    protected MudTestContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }
}
