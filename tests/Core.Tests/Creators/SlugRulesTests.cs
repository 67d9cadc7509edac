using CreatorPlatform.Core.Creators;

namespace CreatorPlatform.Core.Tests.Creators;

public sealed class SlugRulesTests
{
    [Theory]
    [InlineData("", SlugProblem.Empty)]
    [InlineData("ab", SlugProblem.TooShort)]
    [InlineData("a-very-long-slug-that-goes-past-thirty", SlugProblem.TooLong)]
    [InlineData("Jess", SlugProblem.InvalidCharacters)]
    [InlineData("jess_k", SlugProblem.InvalidCharacters)]
    [InlineData("jess.k", SlugProblem.InvalidCharacters)]
    [InlineData("jéss", SlugProblem.InvalidCharacters)]
    [InlineData("-jess", SlugProblem.EdgeHyphen)]
    [InlineData("jess-", SlugProblem.EdgeHyphen)]
    [InlineData("jess--k", SlugProblem.DoubleHyphen)]
    [InlineData("admin", SlugProblem.Reserved)]
    [InlineData("api", SlugProblem.Reserved)]
    [InlineData("creator", SlugProblem.Reserved)]
    [InlineData("www", SlugProblem.Reserved)]
    public void An_invalid_slug_is_refused_for_its_rule(string slug, SlugProblem expected)
    {
        var problems = SlugRules.Check(slug);

        Assert.Contains(problems, p => p.Problem == expected);
        Assert.False(SlugRules.IsValid(slug));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("jesskoufo")]
    [InlineData("maria-santos-2")]
    [InlineData("123456789012345678901234567890")]
    public void A_valid_slug_has_no_problems(string slug)
    {
        Assert.Empty(SlugRules.Check(slug));
    }
}
