using System.CommandLine;
using CreatorPlatform.Core.Creators;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary><c>group ensure|list|add|remove</c>: the Creators group (guide step 8.1 and 8.2).</summary>
internal static class GroupVerb
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON for machines.", Recursive = true };
        return new Command("group", "The Cognito Creators group: ensure it, list, add and remove members.")
        {
            json, Ensure(json), List(json), Add(json), Remove(json),
        };
    }

    private static Command Ensure(Option<bool> json) => Verb("ensure", "Create the group unless it exists; show drift of description and precedence.", [], json,
        async (group, _, ct) =>
        {
            var result = await group.EnsureAsync(ct);
            return (result, result.Created ? $"Created the group {result.Group.GroupName}." : $"The group {result.Group.GroupName} already exists.", result.Drift, true);
        });

    private static Command List(Option<bool> json)
    {
        var rate = CliWalk.Rate();
        var command = Verb("list", "List the members with their creator record, a page of 50 at a time at a set pace, with the progress on stderr.", [], json,
            (services, parse, ct) => ListAsync(services, parse.GetValue(rate), ct));
        command.Options.Add(rate);
        return command;
    }

    private static async Task<(object, string, IReadOnlyList<string>, bool)> ListAsync(IServiceProvider services, double? rate, CancellationToken ct)
    {
        var group = services.GetRequiredService<CreatorsGroupService>();
        var members = await group.ListMembersAsync(CliWalk.Pace(services, rate), CliWalk.Stderr, ct);
        var lines = members.Select(m => $"{m.User.Username}  sub {m.User.Sub}  {m.User.Email}  creator: {m.Creator?.Slug ?? "(none)"}").ToList();
        return (members, $"{members.Count} members of {group.Settings.Name}:", lines, true);
    }

    private static Command Add(Option<bool> json)
    {
        var users = CliArgs.Users(new Argument<string[]>("users") { Description = "Usernames or e-mails.", Arity = ArgumentArity.OneOrMore });
        return Verb("add", "Add users (usernames or e-mails) to the group, with a result per user.", [users], json, async (group, parse, ct) =>
        {
            var rows = await group.BulkAddAsync(string.Join('\n', parse.GetValue(users) ?? []), ct);
            return (rows, "", rows.Select(r => $"{r.Input}: {r.Outcome} · {r.Detail}").ToList(),
                rows.All(r => r.Outcome is MemberOutcome.Added or MemberOutcome.AlreadyMember));
        });
    }

    private static Command Remove(Option<bool> json)
    {
        var user = CliArgs.Users(new Argument<string>("user") { Description = "Username or e-mail." });
        return Verb("remove", "Remove a user from the group.", [user], json, async (group, parse, ct) =>
        {
            var row = await group.RemoveAsync(parse.GetValue(user)!, ct);
            return (row, row.Detail, [], row.Outcome is MemberOutcome.Removed or MemberOutcome.NotAMember);
        });
    }

    private static Command Verb(string name, string description, Argument[] arguments, Option<bool> json,
        Func<CreatorsGroupService, ParseResult, CancellationToken, Task<(object Result, string Title, IReadOnlyList<string> Lines, bool Ok)>> run) =>
        Verb(name, description, arguments, json,
            (IServiceProvider services, ParseResult parse, CancellationToken ct) => run(services.GetRequiredService<CreatorsGroupService>(), parse, ct));

    private static Command Verb(string name, string description, Argument[] arguments, Option<bool> json,
        Func<IServiceProvider, ParseResult, CancellationToken, Task<(object Result, string Title, IReadOnlyList<string> Lines, bool Ok)>> run)
    {
        var command = new Command(name, description);
        foreach (var argument in arguments) command.Arguments.Add(argument);
        command.SetAction((parse, ct) => CliApp.WithPlatformAsync(async services =>
        {
            try
            {
                var (result, title, lines, ok) = await run(services, parse, ct);
                if (parse.GetValue(json)) CliJson.Write(result);
                else CreatorsCli.Print(title, lines, ok);
                return ok ? 0 : 1;
            }
            catch (Exception e) when (CreatorsCli.IsExpected(e))
            {
                return CliFailure.Failed([e.Message]);
            }
        }, ct));
        return command;
    }
}
