using CreatorPlatform.Core.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Rollback;

public static class RollbackServices
{
    /// <summary>The ways back: creator undo actions, point-in-time recovery, the sandbox's schema undo and the stack's rollback guide.</summary>
    public static IServiceCollection AddRollback(this IServiceCollection services)
    {
        services.AddSingleton<CreatorRollback>();
        services.AddSingleton<PitrService>();
        services.AddSingleton<SchemaUndo>();
        services.AddSingleton<StackRollbackGuide>();
        services.AddSingleton<IVerificationSection, PitrSection>();
        return services;
    }
}
