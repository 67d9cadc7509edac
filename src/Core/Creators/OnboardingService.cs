using System.Net.Mail;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Aws;

namespace CreatorPlatform.Core.Creators;

/// <summary>
/// Onboards a creator in steps: the creator record with its slug reservation (one transaction), the Cognito user
/// (picked or created), group membership, and the sub linkage. Progress is saved after every step, so a failure
/// part-way leaves an onboarding to resume, not orphans: a resume skips what is done. Starting again with the slug of
/// an onboarding that stopped on a failure continues that one (the CLI's re-run), instead of failing on its own slug.
/// A taken slug, a missing user or a user another creator has are refused before anything is written.
/// </summary>
public sealed class OnboardingService(OnboardingProgressStore progressStore, CreatorStore store, CognitoUsers users, CreatorsGroupService group,
    LinkageService linkage, AuditLog audit, Schema.TableReads reads, Schema.PlatformSchema schema, TimeProvider time, OnboardingChecks checks,
    OnboardingCleanup cleanup)
{
    public async Task<OnboardingProgress> StartAsync(CreatorProfile profile, OnboardingUser user, CancellationToken ct)
    {
        var startedBy = audit.DemandAdmin($"Onboard {profile.Slug}").Name;
        Validate(profile, user);
        await reads.RequireAsync([schema.Creators.Name, schema.Ops.Name], ct);
        if (await FindStoppedAsync(profile.Slug.Trim(), ct) is { } stopped) return await ContinueAsync(stopped, Trim(profile), user, ct);
        await RefuseAsync(OnboardingStep.Creator, profile.Slug, await checks.SlugRefusalAsync(profile.Slug, ct));
        await RefuseAsync(OnboardingStep.User, profile.Slug, await checks.UserRefusalAsync(user, null, ct));
        var now = time.GetUtcNow();
        var progress = new OnboardingProgress(Guid.NewGuid().ToString("N")[..12], Trim(profile), user, startedBy, now, now, [], Guid.NewGuid().ToString());
        await progressStore.SaveAsync(progress, ct);
        return await RunAsync(progress, ct);
    }

    /// <summary>Continues from the first step not done; a new slug or user may replace the one that failed, if its step is not done yet.</summary>
    public async Task<OnboardingProgress> ResumeAsync(string id, OnboardingUser? user = null, string? slug = null, CancellationToken ct = default)
    {
        audit.DemandAdmin($"Resume onboarding {id}");
        var progress = await progressStore.GetAsync(id, ct) ?? throw new OnboardingException($"No onboarding '{id}'.");
        if (progress.Completed) return progress;
        if (slug is not null && slug != progress.Profile.Slug)
        {
            if (progress.IsDone(OnboardingStep.Creator)) throw new OnboardingException("The creator is already created: its slug cannot change here.");
            await RefuseAsync(OnboardingStep.Creator, slug, await checks.SlugRefusalAsync(slug, ct));
            progress = progress with { Profile = progress.Profile with { Slug = slug.Trim() } };
        }
        if (user is not null && user != progress.User)
        {
            Validate(progress.Profile, user);
            await RefuseAsync(OnboardingStep.User, progress.Profile.Slug, await checks.UserRefusalAsync(user, progress.CreatorId, ct));
            if (progress.IsDone(OnboardingStep.User)) await cleanup.ReleaseUserAsync(progress, ct);
            progress = progress with
            {
                User = user, Username = null, Sub = null, CreatedUser = null, AddedToGroup = null,
                Done = progress.Done.Where(s => s == OnboardingStep.Creator).ToList(),
            };
            await progressStore.SaveAsync(progress, ct);
        }
        Validate(progress.Profile, progress.User);
        return await RunAsync(progress, ct);
    }

    /// <summary>
    /// Gives up an unfinished onboarding: takes back what it wrote (the membership it added, the user it created, the
    /// creator and its slug reservation) and closes it. Returns what it did, a sentence each.
    /// </summary>
    public async Task<IReadOnlyList<string>> AbandonAsync(string id, CancellationToken ct)
    {
        var actor = audit.DemandAdmin($"Abandon onboarding {id}");
        var progress = await progressStore.GetAsync(id, ct) ?? throw new OnboardingException($"No onboarding '{id}'.");
        if (progress.Completed) throw new OnboardingException($"The onboarding of {progress.Profile.Slug} is complete: use the ways back on the creator's page.");
        if (progress.Abandoned) return [];
        var done = await cleanup.UndoAsync(progress, ct);
        await progressStore.SaveAsync(progress with { Abandoned = true, UpdatedAt = time.GetUtcNow() }, ct);
        await audit.WriteAsync(audit.Entry(actor, AuditActions.OnboardingAbandoned, $"{progress.Profile.Slug} ({progress.CreatorId})",
            detail: done.Count == 0 ? "It had written nothing." : string.Join(" ", done)), ct);
        return done;
    }

    /// <summary>
    /// The onboardings not finished; throws <see cref="Schema.TableMissingException"/> while the console's own table or
    /// CreatorsTable (which every onboarding writes) does not exist.
    /// </summary>
    public async Task<IReadOnlyList<OnboardingProgress>> ListOpenAsync(CancellationToken ct)
    {
        await reads.RequireAsync([schema.Creators.Name], ct);
        return await reads.ReadAsync([schema.Ops.Name], () => progressStore.ListOpenAsync(ct), ct);
    }

    /// <summary>The newest open onboarding of the slug that stopped on a failure; one still running (no failure yet) is not taken over.</summary>
    private async Task<OnboardingProgress?> FindStoppedAsync(string slug, CancellationToken ct) =>
        (await progressStore.ListOpenAsync(ct)).FirstOrDefault(p => p.Profile.Slug == slug && p.FailedAt is not null);

    /// <summary>What is not done yet takes the new profile; another user than the one chosen takes its place, as a resume with another user does.</summary>
    private async Task<OnboardingProgress> ContinueAsync(OnboardingProgress stopped, CreatorProfile profile, OnboardingUser user, CancellationToken ct)
    {
        var sameUser = user == stopped.User
            || string.Equals(user.Existing ?? user.NewUsername, stopped.Username, StringComparison.OrdinalIgnoreCase);
        if (!stopped.IsDone(OnboardingStep.Creator) && profile != stopped.Profile)
        {
            stopped = stopped with { Profile = profile };
            await progressStore.SaveAsync(stopped, ct);
        }
        return await ResumeAsync(stopped.Id, sameUser ? null : user, null, ct);
    }

    public Task<OnboardingProgress?> GetAsync(string id, CancellationToken ct) => progressStore.GetAsync(id, ct);

    public static IReadOnlyDictionary<string, string> ValidateUser(OnboardingUser user)
    {
        var errors = new Dictionary<string, string>();
        if (!user.CreatesUser)
        {
            var existing = user.Existing!.Trim();
            if (existing.Length > 254 || existing.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                errors["user"] = "A user is a username or an e-mail, with no spaces.";
            return errors;
        }
        var username = user.NewUsername?.Trim() ?? "";
        if (username.Length == 0) errors["newUsername"] = "Enter a username, or pick an existing user.";
        else if (username.Length > 128 || username.Contains('@') || username.Any(char.IsWhiteSpace))
            errors["newUsername"] = "A username has no spaces and no @ (users sign in with it; the e-mail is an alias).";
        if (!MailAddress.TryCreate(user.NewEmail?.Trim(), out var mail) || mail.Address != user.NewEmail?.Trim())
            errors["newEmail"] = "Enter the e-mail the invitation goes to.";
        return errors;
    }

    private async Task<OnboardingProgress> RunAsync(OnboardingProgress progress, CancellationToken ct)
    {
        while (progress.Next is { } step)
        {
            try
            {
                progress = await RunStepAsync(step, progress, ct) with { FailedAt = null, LastError = null };
                progress = progress with { Done = [.. progress.Done, step], UpdatedAt = time.GetUtcNow() };
                await progressStore.SaveAsync(progress, ct);
            }
            catch (Exception e) when (e is OnboardingException or SlugTakenException or GroupMissingException or LinkageException
                                          or AmbiguousUserException or AwsServiceException or AmazonServiceException or UserPoolNotFoundException)
            {
                progress = progress with { FailedAt = step, LastError = e.Message, UpdatedAt = time.GetUtcNow() };
                await progressStore.SaveAsync(progress, ct);
                await audit.RecordFailureAsync(audit.DemandAdmin($"Onboard {progress.Profile.Slug}"), AuditActions.CreatorOnboarded,
                    $"{progress.Profile.Slug} ({progress.CreatorId})", $"Step {step}: {e.Message}", after: progress.Username is null ? null : $"user {progress.Username}");
                return progress;
            }
        }
        var actor = audit.DemandAdmin($"Onboard {progress.Profile.Slug}");
        await audit.WriteAsync(audit.Entry(actor, AuditActions.CreatorOnboarded, $"{progress.Profile.Slug} ({progress.CreatorId})",
            after: $"user {progress.Username} (sub {progress.Sub}), {progress.PublicPath}", detail: $"onboarding {progress.Id}"), ct);
        return progress;
    }

    private async Task<OnboardingProgress> RunStepAsync(OnboardingStep step, OnboardingProgress p, CancellationToken ct)
    {
        switch (step)
        {
            case OnboardingStep.Creator:
                await CreateCreatorAsync(p, ct);
                return p;
            case OnboardingStep.User:
                var user = await ResolveUserAsync(p, ct);
                if (await checks.LinkedElsewhereAsync(user, p.CreatorId, ct) is { } taken) throw new OnboardingException(taken);
                return p with { Username = user.Username, Sub = user.Sub, CreatedUser = p.User.CreatesUser };
            case OnboardingStep.Group:
                var added = await group.AddAsync(p.Username!, ct);
                if (added.Outcome is not (MemberOutcome.Added or MemberOutcome.AlreadyMember)) throw new OnboardingException(added.Detail);
                return p with { AddedToGroup = p.AddedToGroup == true || added.Outcome == MemberOutcome.Added };
            default:
                var creator = await store.FindByIdAsync(p.CreatorId, ct) ?? throw new OnboardingException($"The creator {p.CreatorId} is gone.");
                var linked = await linkage.LinkAsync(creator, new CognitoUser(p.Username!, p.Sub!, null, true, null), ct);
                return p with { AccessMissing = linked.Access.Missing };
        }
    }

    private async Task CreateCreatorAsync(OnboardingProgress p, CancellationToken ct)
    {
        var profile = p.Profile;
        var creator = Creator.New(profile.Slug, profile.DisplayName, time.GetUtcNow()) with
            { Id = p.CreatorId, Bio = profile.Bio, SocialLinks = profile.SocialLinks, Theme = profile.Theme };
        try
        {
            await CreateWithRetryAsync(creator, ct);
        }
        catch (SlugTakenException)
        {
            // An earlier attempt of this very onboarding may have written it before failing to save its progress.
            if ((await store.FindByIdAsync(p.CreatorId, ct))?.Slug != profile.Slug) throw;
        }
    }

    /// <summary>
    /// Two transactions on one slug at once: DynamoDB may cancel the later with TransactionConflict rather than fail its
    /// condition. Trying again turns that into the clear answer: created, or the slug is taken.
    /// </summary>
    private async Task CreateWithRetryAsync(Creator creator, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.CreateAsync(creator, ct);
                return;
            }
            catch (TransactionCanceledException e) when (attempt < 5 && e.CancellationReasons?.Any(r => r.Code == "TransactionConflict") == true)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), time, ct);
            }
        }
    }

    private async Task<CognitoUser> ResolveUserAsync(OnboardingProgress p, CancellationToken ct)
    {
        if (!p.User.CreatesUser)
            return await users.FindAsync(p.User.Existing!, ct) ?? throw new OnboardingException($"No user '{p.User.Existing}' in the pool.");
        var (username, email) = (p.User.NewUsername!.Trim(), p.User.NewEmail!.Trim());
        try
        {
            return await users.CreateAsync(username, email, p.Profile.DisplayName, ct);
        }
        catch (UsernameExistsException)
        {
            // Ours when an earlier attempt created it; anyone else's is a refusal the admin resolves.
            var existing = await users.FindAsync(username, ct);
            if (existing is not null && string.Equals(existing.Email, email, StringComparison.OrdinalIgnoreCase)) return existing;
            throw new OnboardingException($"The username '{username}' is taken by another user. Choose another username, or pick that user as an existing one.");
        }
    }

    /// <summary>A refusal before anything is written: audited as a failed onboarding, and thrown with the step it belongs to.</summary>
    private async Task RefuseAsync(OnboardingStep step, string slug, string? refusal)
    {
        if (refusal is null) return;
        await audit.RecordFailureAsync(audit.DemandAdmin($"Onboard {slug}"), AuditActions.CreatorOnboarded, slug.Trim(), $"Refused before writing anything: {refusal}");
        throw new OnboardingException(refusal, step);
    }

    private static void Validate(CreatorProfile profile, OnboardingUser user)
    {
        var errors = CreatorProfileRules.Validate(profile).Concat(ValidateUser(user)).ToList();
        if (errors.Count > 0) throw new OnboardingException(string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value}")));
    }

    private static CreatorProfile Trim(CreatorProfile p) => p with { Slug = p.Slug.Trim(), DisplayName = p.DisplayName.Trim(), Bio = p.Bio.Trim() };
}

/// <summary>An onboarding that cannot go on; <see cref="RefusedAt"/> names the wizard's step when it was refused before any write.</summary>
public sealed class OnboardingException(string message, OnboardingStep? refusedAt = null) : Exception(message)
{
    public OnboardingStep? RefusedAt { get; } = refusedAt;
}
