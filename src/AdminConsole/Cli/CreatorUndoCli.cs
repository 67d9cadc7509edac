using System.CommandLine;
using CreatorPlatform.Core.Rollback;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary><c>ungroup</c>, <c>unlink</c> and <c>disable</c>: the creator's ways back, as the creator page's actions, each audited.</summary>
internal static class CreatorUndoCli
{
    public static Command Ungroup() => Create("ungroup", CreatorUndo.Ungroup,
        "Remove the creator's linked user from the groups creator and Creators (the way back from steps 8.2 and 8.4).");

    public static Command Unlink() => Create("unlink", CreatorUndo.Unlink,
        "Clear the creator's userId (the way back from step 8.3); run ungroup first, while the link still names the user.");

    public static Command Disable() => Create("disable", CreatorUndo.Disable, "Set the creator's status to disabled: its page and products stop showing on the platform.");

    private static Command Create(string name, CreatorUndo kind, string description)
    {
        var slug = CliArgs.Slug("The creator's slug.");
        var command = new Command(name, description) { slug };
        command.SetAction((parse, ct) => CliApp.WithPlatformAsync(async services =>
        {
            try
            {
                var result = await services.GetRequiredService<CreatorRollback>().RunAsync(kind, parse.GetValue(slug)!, ct);
                var title = result.ChangedNothing ? $"Nothing to undo for {parse.GetValue(slug)}." : $"{name}: {parse.GetValue(slug)}";
                CreatorsCli.Print(title, [.. result.Changed.Select(c => $"✓ {c}"), $"Now {result.ReturnsTo}"], true);
                return 0;
            }
            catch (Exception e) when (CreatorsCli.IsExpected(e) || e is CreatorPlatform.Core.Creators.CreatorChangedException)
            {
                return CliFailure.Failed([e.Message]);
            }
        }, ct));
        return command;
    }
}
