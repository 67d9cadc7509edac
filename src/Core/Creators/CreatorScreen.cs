using CreatorPlatform.Core.Rollback;

namespace CreatorPlatform.Core.Creators;

/// <summary>
/// The creator page's one entry point: the creator with its products and linkage, the undo options that apply to it,
/// and its actions (fix or change the linkage, enable or disable, undo an onboarding step).
/// </summary>
public sealed class CreatorScreen(CreatorOverview overview, LinkageService linkage, CreatorDirectory directory, CreatorRollback rollback)
{
    /// <summary>Throws <see cref="CreatorNotFoundException"/> when no creator has the slug.</summary>
    public Task<CreatorDetails> ReadAsync(string slug, CancellationToken ct) => overview.GetAsync(slug, ct);

    public IReadOnlyList<CreatorUndoOption> UndoOptions(CreatorLinkage current) => rollback.OptionsFor(current);

    public Task<CreatorLinkage> FixLinkageAsync(string slug, CancellationToken ct) => linkage.FixAsync(slug, ct);

    public Task<LinkResult> LinkAsync(string slug, string usernameOrEmail, CancellationToken ct) => linkage.LinkAsync(slug, usernameOrEmail, ct);

    public Task SetEnabledAsync(Creator creator, bool enabled, CancellationToken ct) =>
        directory.SetStatusAsync(creator.Id, enabled ? Creator.Active : Creator.Disabled, ct);

    public Task<CreatorUndoResult> UndoAsync(CreatorUndo kind, string slug, CancellationToken ct) => rollback.RunAsync(kind, slug, ct);
}
