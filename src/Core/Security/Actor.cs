namespace CreatorPlatform.Core.Security;

public enum AdminRole { None, Viewer, Admin }

/// <summary>Who acts: a signed-in admin or viewer, the sandbox's local admin, or an operator on the command line.</summary>
public sealed record Actor(string Name, string Id, AdminRole Role, string Source)
{
    public static Actor Anonymous { get; } = new("anonymous", "", AdminRole.None, "none");

    public bool CanRead => Role >= AdminRole.Viewer;
    public bool CanWrite => Role == AdminRole.Admin;

    /// <summary>The CLI acts with the operator's own AWS credentials: the OS user and the profile are what it can tell cheaply.</summary>
    public static Actor Operator(string? profile)
    {
        var via = string.IsNullOrEmpty(profile) ? "CLI" : $"CLI, profile {profile}";
        return new($"{Environment.UserName} ({via})", $"os:{Environment.UserName}@{Environment.MachineName}", AdminRole.Admin, "cli");
    }
}

/// <summary>The actor of the code running now. The web app sets it per circuit activity and request; the CLI fixes it.</summary>
public interface ICurrentActor
{
    Actor Actor { get; }
}

/// <summary>
/// The actor carried by the async flow: set where a request or a circuit activity begins and seen by everything it calls,
/// including the jobs it starts. Nobody set it: anonymous, who may do nothing.
/// </summary>
public sealed class AmbientActor : ICurrentActor
{
    private static readonly AsyncLocal<Actor?> Current = new();

    public Actor Actor => Current.Value ?? Actor.Anonymous;

    public static Actor CurrentActor => Current.Value ?? Actor.Anonymous;

    public static void Set(Actor actor) => Current.Value = actor;

    /// <summary>Puts <paramref name="actor"/> (null: nobody) in place for the code that runs next on this flow and returns the one it replaces.</summary>
    internal static Actor? Swap(Actor? actor)
    {
        var was = Current.Value;
        Current.Value = actor;
        return was;
    }
}

public sealed class FixedActor(Actor actor) : ICurrentActor
{
    public Actor Actor => actor;
}
