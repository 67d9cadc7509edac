using CreatorPlatform.Core.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace AdminConsole.Security;

/// <summary>
/// Every inbound activity of a circuit (an event handler, a JS call, a render) runs as the actor its authentication state
/// names now, re-read each time: Core's write entry points check that actor, not what the page showed, so a viewer's
/// circuit is refused even if it reaches a handler. The admin's id goes on every log line through a scope.
/// </summary>
public sealed class CircuitActorHandler(AuthenticationStateProvider authentication, ConsoleRoles roles, ILogger<CircuitActorHandler> logger) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) => async context =>
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var actor = roles.ActorOf(state.User);
        AmbientActor.Set(actor);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ActorId"] = actor.Id, ["ActorName"] = actor.Name });
        await next(context);
    };
}

/// <summary>The same for plain HTTP requests (the CSV export, the health details).</summary>
public sealed class RequestActorMiddleware(RequestDelegate next, ConsoleRoles roles, ILogger<RequestActorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var actor = roles.ActorOf(context.User);
        AmbientActor.Set(actor);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ActorId"] = actor.Id, ["ActorName"] = actor.Name });
        await next(context);
    }
}
