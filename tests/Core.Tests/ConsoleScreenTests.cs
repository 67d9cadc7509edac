using System.Text.Json;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Verification;

namespace CreatorPlatform.Core.Tests;

public sealed class ConsoleScreenTests
{
    [Fact]
    public void A_line_is_stored_with_its_screen_by_name_and_read_back()
    {
        var line = new VerificationLine("Tables", "CreatorsTable", CheckState.Red, ["missing"], ConsoleScreen.Tables);

        var json = JsonSerializer.Serialize(line);
        var read = JsonSerializer.Deserialize<VerificationLine>(json)!;

        Assert.Contains("\"Link\":\"Tables\"", json);
        Assert.Equal(ConsoleScreen.Tables, read.Link);
    }

    [Theory]
    [InlineData("/tables", ConsoleScreen.Tables)]
    [InlineData("/creators", ConsoleScreen.Creators)]
    [InlineData("/", ConsoleScreen.Overview)]
    public void A_report_stored_before_screens_were_named_reads_its_route_as_that_screen(string route, ConsoleScreen expected)
    {
        var json = $$"""{"Section":"Tables","Title":"t","State":2,"Evidence":[],"Link":"{{route}}"}""";

        var read = JsonSerializer.Deserialize<VerificationLine>(json)!;

        Assert.Equal(expected, read.Link);
    }
}
