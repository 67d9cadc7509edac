using System.CommandLine;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Creators;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary><c>link</c> and <c>onboard</c>, and what the creators verbs share.</summary>
internal static class CreatorsCli
{
    public static Command Link()
    {
        var slug = CliArgs.Slug("The creator's slug.");
        var user = CliArgs.User("--user", "The user's username or e-mail.");
        var command = new Command("link", "Store the user's sub as the creator's userId (guide step 8.3, done right).") { slug, user };
        command.SetAction((parse, ct) => CliApp.WithPlatformAsync(async services =>
        {
            try
            {
                var linked = await services.GetRequiredService<LinkageService>().LinkAsync(parse.GetValue(slug)!, parse.GetValue(user)!, ct);
                Print($"Linked {linked.Creator.Slug} to {linked.User.Username} (sub {linked.User.Sub}).", AccessLines(linked.Access.Changed, linked.Access.Missing), true);
                return 0;
            }
            catch (Exception e) when (IsExpected(e))
            {
                return CliFailure.Failed([e.Message]);
            }
        }, ct));
        return command;
    }

    public static Command Onboard()
    {
        var slug = new Option<string>("--slug") { Description = "The new creator's slug.", Required = true };
        var name = new Option<string>("--display-name") { Description = "The creator's display name.", Required = true };
        var user = CliArgs.User("--user", "An existing user (username or e-mail), or with --email the username to create.");
        var email = CliArgs.User("--email", "Create the user with this e-mail (Cognito sends the invitation).", required: false);
        var command = new Command("onboard", "Onboard a creator: record and slug, Cognito user, group, sub linkage. Run again after a failure to resume.")
            { slug, name, user, email };
        // The same rules as the service's, checked before anything starts: a bad profile or user writes nothing.
        command.Validators.Add(r =>
        {
            if (r.GetResult(slug) is null || r.GetResult(name) is null || r.GetResult(user) is null) return;
            // An option whose value its own parser refused has said so already (and has no value to read).
            if (CliArgs.Refused(r, user) || CliArgs.Refused(r, email)) return;
            var profile = CreatorProfile.Blank with { Slug = r.GetValue(slug) ?? "", DisplayName = r.GetValue(name) ?? "" };
            var errors = CreatorProfileRules.Validate(profile).Concat(OnboardingService.ValidateUser(Choice(r.GetValue(user)!, r.GetValue(email))));
            foreach (var (field, message) in errors) r.AddError($"{field}: {message}");
        });
        command.SetAction((parse, ct) => CliApp.WithPlatformAsync(async services =>
        {
            var profile = CreatorProfile.Blank with { Slug = parse.GetValue(slug)!, DisplayName = parse.GetValue(name)! };
            var choice = Choice(parse.GetValue(user)!, parse.GetValue(email));
            try
            {
                var started = DateTimeOffset.UtcNow;
                var progress = await services.GetRequiredService<OnboardingService>().StartAsync(profile, choice, ct);
                if (progress.StartedAt < started)
                    TerminalText.MarkupLine(
                        $"[grey]Resumed onboarding {progress.Id} of {progress.Profile.Slug}, started {progress.StartedAt:yyyy-MM-dd HH:mm} UTC by {progress.StartedBy}.[/]");
                var lines = Enum.GetValues<OnboardingStep>().Select(s => $"{(progress.IsDone(s) ? "✓" : progress.FailedAt == s ? "✗" : "·")} {s}").ToList();
                lines.AddRange(AccessLines([], progress.AccessMissing ?? []));
                if (progress.Completed) Print($"Onboarded {progress.Profile.Slug}: {progress.PublicPath}, user {progress.Username} (sub {progress.Sub}).", lines, true);
                else Print($"Stopped at {progress.FailedAt}: {progress.LastError} " + (progress.FailedAt == OnboardingStep.Creator
                    ? $"Run it again with another slug, or resume onboarding {progress.Id} with a new slug on the Onboard page."
                    : $"Run the same command again to resume onboarding {progress.Id}, or resume it on the Onboard page."), lines, false);
                return progress.Completed ? 0 : 1;
            }
            catch (OnboardingException ex)
            {
                return CliFailure.Failed([ex.Message]);
            }
        }, ct));
        return command;
    }

    private static OnboardingUser Choice(string user, string? email) =>
        email is not null ? OnboardingUser.NewUser(user, email) : OnboardingUser.ExistingUser(user);

    /// <summary>What a link granted for the platform, and what <c>access ensure</c> must still do.</summary>
    public static List<string> AccessLines(IReadOnlyList<string> changed, IReadOnlyList<string> missing) =>
        [.. changed.Select(c => $"✓ {c}"), .. missing.Select(m => $"✗ not yet able to work: {m}")];

    public static bool IsExpected(Exception e) => e is GroupMissingException or LinkageException or CreatorNotFoundException or AmbiguousUserException
        or UserPoolNotFoundException or AwsServiceException or Amazon.Runtime.AmazonServiceException;

    public static void Print(string title, IReadOnlyList<string> lines, bool ok)
    {
        if (title.Length > 0) TerminalText.MarkupLine($"[{(ok ? "green" : "red")}]{title}[/]");
        foreach (var line in lines) TerminalText.WriteLine($"  {line}");
    }
}
