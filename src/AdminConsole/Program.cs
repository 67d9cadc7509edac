using AdminConsole;
using AdminConsole.Audit;
using AdminConsole.Cli;
using AdminConsole.Components;
using AdminConsole.Health;
using AdminConsole.Security;
using CreatorPlatform.Core;
using CreatorPlatform.Sandbox;

// The same executable is the console and the CLI: a verb runs one job and exits; no verb starts the web app.
if (CliApp.IsVerb(args)) return await CliApp.RunAsync(args);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddCore();
builder.AddSandbox();
builder.AddAdminConsole();

var app = builder.Build();
var mode = PlatformModes.Read(app.Configuration) ?? PlatformMode.Aws;
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseMiddleware<SecurityHeaders>();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
// After authentication: the signed-in user becomes the actor that Core checks and audits, for the request and its jobs.
app.UseMiddleware<RequestActorMiddleware>();
app.UseAuthorization();
app.UseAntiforgery();

app.MapConsoleHealth();
app.MapSignInEndpoints(mode);
app.MapAuditExport();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

return await app.RunAdminConsoleAsync();
