using AdminConsole.Components.Pages.Creators;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Creators;

namespace AdminConsole.Tests.Creators;

public sealed class OnboardingWizardTests : MudTestContext
{
    private readonly List<string> checkedSlugs = [];

    private IRenderedComponent<ProfileForm> RenderProfile(Action<CreatorProfile>? onNext = null, string? taken = null) =>
        Render<ProfileForm>(p => p
            .Add(c => c.CheckSlug, slug =>
            {
                checkedSlugs.Add(slug);
                return Task.FromResult(!SlugRules.IsValid(slug) ? new SlugCheck(slug, false, SlugRules.Check(slug)[0].Message)
                    : slug == taken ? new SlugCheck(slug, false, $"'{slug}' is taken by another creator.")
                    : new SlugCheck(slug, true, $"'{slug}' is available: /creator/{slug}"));
            })
            .Add(c => c.OnNext, profile => onNext?.Invoke(profile)));

    private static void Type(IRenderedComponent<ProfileForm> form, string field, string value) =>
        form.Find($"input[data-testid='{field}'], textarea[data-testid='{field}']").Input(value);

    private static bool NextDisabled(IRenderedComponent<ProfileForm> form) => form.Find("[data-testid='profile-next']").HasAttribute("disabled");

    [Theory]
    [InlineData("Bad-Slug", "Only lowercase letters, digits and hyphens.")]
    [InlineData("ab", "At least 3 characters.")]
    [InlineData("-jess", "No hyphen at the start or the end.")]
    [InlineData("jess--k", "No two hyphens in a row.")]
    [InlineData("admin", "'admin' is reserved for the platform.")]
    public void An_invalid_slug_shows_its_rule_and_keeps_next_disabled(string slug, string message)
    {
        var form = RenderProfile();
        Type(form, "displayName", "Jess Koufo");

        Type(form, "slug", slug);

        form.WaitForAssertion(() => Assert.Contains(message, form.Markup));
        Assert.True(NextDisabled(form));
    }

    [Fact]
    public void A_taken_slug_shows_the_live_check_and_keeps_next_disabled()
    {
        var form = RenderProfile(taken: "jesskoufo");
        Type(form, "displayName", "Jess Koufo");

        Type(form, "slug", "jesskoufo");

        form.WaitForAssertion(() => Assert.Contains("'jesskoufo' is taken by another creator.", form.Markup));
        Assert.Contains("jesskoufo", checkedSlugs);
        Assert.True(NextDisabled(form));
    }

    [Theory]
    [InlineData("instagram", "https://tiktok.com/@jess", "Must be a link to instagram.com.")]
    [InlineData("pinterest", "pinterest.com/jess", "Enter a full URL starting with https://.")]
    [InlineData("tiktok", "https://www.tiktok.com/", "Link to the profile, not the site's home page.")]
    [InlineData("primaryColor", "red", "A 6-digit hex colour such as #3B82F6.")]
    [InlineData("accentColor", "#12345", "A 6-digit hex colour such as #3B82F6.")]
    [InlineData("accentColor", "#FFF", "A 6-digit hex colour such as #3B82F6.")]
    public void A_wrong_link_or_colour_is_refused_with_its_reason(string field, string value, string message)
    {
        var form = RenderProfile();
        Type(form, "slug", "jess-koufo");
        Type(form, "displayName", "Jess Koufo");

        Type(form, field, value);

        form.WaitForAssertion(() => Assert.Contains(message, form.Markup));
        Assert.True(NextDisabled(form));
    }

    [Fact]
    public void A_complete_valid_profile_enables_next_and_hands_over_the_profile()
    {
        CreatorProfile? handed = null;
        var form = RenderProfile(p => handed = p);
        Type(form, "slug", "maria-santos");
        Type(form, "displayName", "Maria Santos");
        Type(form, "instagram", "https://www.instagram.com/mariasantos");
        Type(form, "pinterest", "https://pin.it/abc123");
        Type(form, "primaryColor", "#123ABC");

        form.WaitForAssertion(() => Assert.False(NextDisabled(form)));
        form.Find("[data-testid='profile-next']").Click();

        // The click's handler validates asynchronously before handing the profile over: wait for it, as for the button.
        form.WaitForAssertion(() => Assert.NotNull(handed));
        Assert.Equal(("maria-santos", "Maria Santos", "#123ABC"), (handed!.Slug, handed.DisplayName, handed.Theme.PrimaryColor));
        Assert.Equal("https://pin.it/abc123", handed.SocialLinks.Pinterest);
    }

    [Fact]
    public void A_new_user_needs_a_username_without_an_at_sign_and_an_email()
    {
        OnboardingUser? chosen = null;
        var form = Render<UserForm>(p => p.Add(c => c.Initial, OnboardingUser.NewUser("", "")).Add(c => c.OnNext, u => chosen = u));

        form.Find("input[data-testid='new-username']").Input("maria@example.com");
        form.Find("input[data-testid='new-email']").Input("not-an-email");

        form.WaitForAssertion(() => Assert.Contains("A username has no spaces and no @", form.Markup));
        Assert.Contains("Enter the e-mail the invitation goes to.", form.Markup);
        Assert.True(form.Find("[data-testid='user-next']").HasAttribute("disabled"));

        form.Find("input[data-testid='new-username']").Input("mariasantos");
        form.Find("input[data-testid='new-email']").Input("maria@example.com");
        form.WaitForAssertion(() => Assert.False(form.Find("[data-testid='user-next']").HasAttribute("disabled")));
        form.Find("[data-testid='user-next']").Click();

        Assert.Equal(OnboardingUser.NewUser("mariasantos", "maria@example.com"), chosen);
    }

    [Fact]
    public void A_user_another_creator_has_is_refused_at_the_user_step_and_the_wizard_stays_there()
    {
        OnboardingUser? chosen = null;
        var form = Render<UserForm>(p => p
            .Add(c => c.CheckUser, u => Task.FromResult<string?>(u.Existing == "jesskoufo" ? "jesskoufo is already the user of the creator jesskoufo." : null))
            .Add(c => c.OnNext, u => chosen = u));

        form.Find("input[data-testid='existing-user']").Input("jesskoufo");
        form.Find("[data-testid='user-next']").Click();

        form.WaitForAssertion(() => Assert.Contains("jesskoufo is already the user of the creator jesskoufo.", form.Find("[data-testid='user-refusal']").TextContent));
        Assert.Null(chosen);
    }
}
