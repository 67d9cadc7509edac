using CreatorPlatform.Core.Creators;

namespace CreatorPlatform.Core.Tests.Creators;

public sealed class CreatorProfileRulesTests
{
    private static CreatorProfile Named(string displayName) => CreatorProfile.Blank with { Slug = "anna-k", DisplayName = displayName };

    [Theory]
    [InlineData("Anna \u202Eevil")]
    [InlineData("\u2067Anna")]
    [InlineData("An\u200Bna")]
    [InlineData("Anna\u200D")]
    [InlineData("\uFEFFAnna")]
    [InlineData("Anna\u0007")]
    public void A_display_name_with_bidi_overrides_or_zero_width_characters_is_refused(string name)
    {
        var errors = CreatorProfileRules.Validate(Named(name));

        Assert.Contains("invisible character", errors["displayName"]);
    }

    [Theory]
    [InlineData("Anna Kowalska")]
    [InlineData("Zoë Ångström")]
    [InlineData("محمد")]
    [InlineData("Jess 🌸")]
    public void Ordinary_names_in_any_script_are_accepted(string name) =>
        Assert.False(CreatorProfileRules.Validate(Named(name)).ContainsKey("displayName"));

    [Theory]
    [InlineData("#FF6B6B", "#FF6B6B")]
    [InlineData("#abc", null)] // the platform's validator takes 6-digit colours only
    [InlineData("red;background-image:url(https://tracker.example/a.png)", null)]
    [InlineData("#FF6B6B\" onmouseover=\"x", null)]
    [InlineData(null, null)]
    public void Only_a_hex_colour_read_from_the_table_may_go_into_a_style_attribute(string? stored, string? safe) =>
        Assert.Equal(safe, CreatorProfileRules.SafeColor(stored));
}
