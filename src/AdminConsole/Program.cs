using AdminConsole;
using AdminConsole.Cli;
using CreatorPlatform.Core;

// The same executable is the console and the CLI: a verb runs one job and exits; no verb starts the web app.
if (CliApp.IsVerb(args)) return await CliApp.RunAsync(args);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddCore();
builder.AddAdminConsole();

var app = builder.Build();
app.UseAdminConsole();
return await app.RunAdminConsoleAsync();
