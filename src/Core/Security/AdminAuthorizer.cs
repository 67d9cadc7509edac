using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Core.Security;

/// <summary>The check every write entry point of Core makes, whatever screen or verb called it.</summary>
public sealed class AdminAuthorizer(ICurrentActor current, ILogger<AdminAuthorizer> logger)
{
    public Actor Actor => current.Actor;

    /// <summary>The acting admin; throws <see cref="AdminAccessDeniedException"/> for anyone else.</summary>
    public Actor DemandAdmin(string action)
    {
        var actor = current.Actor;
        if (actor.CanWrite) return actor;
        logger.LogWarning("Refused {Action} to {ActorName} ({ActorId}, role {Role})", action, actor.Name, actor.Id, actor.Role);
        throw new AdminAccessDeniedException(actor, action);
    }
}

public sealed class AdminAccessDeniedException(Actor actor, string action)
    : Exception(actor.Role == AdminRole.None
        ? $"Not signed in with a role of this console: {action} refused."
        : $"{actor.Name} is a viewer: {action} needs the admin role. Nothing was changed.")
{
    public Actor Actor { get; } = actor;
    public string Action { get; } = action;
}
