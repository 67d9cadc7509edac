using AdminConsole.Components.Shared;
using AdminConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace AdminConsole.Tests.Shared;

public sealed class PageErrorBoundaryTests : MudTestContext
{
    [Fact]
    public void A_timeout_in_a_pages_handler_shows_what_happened_and_the_page_works_again_after_try_again()
    {
        var page = Render<PageErrorBoundary>(p => p.AddChildContent<FlakyPage>());

        page.Find("[data-testid=flaky]").Click();
        var shown = page.Find("[data-testid=page-error]").TextContent;
        FlakyPage.Fail = false;
        page.Find("[data-testid=page-error-retry]").Click();

        Assert.Contains("AWS did not answer in time", shown);
        Assert.DoesNotContain("arn:aws", shown);
        Assert.Empty(page.FindAll("[data-testid=page-error]"));
        Assert.Single(page.FindAll("[data-testid=flaky]"));
    }

    [Fact]
    public void Credentials_the_sdk_could_not_find_are_told_as_credentials_not_as_an_error_aws_answered()
    {
        var page = Render<PageErrorBoundary>(p => p.AddChildContent<NoCredentialsPage>());

        page.Find("[data-testid=no-credentials]").Click();
        var shown = page.Find("[data-testid=page-error]").TextContent;

        Assert.Contains("no usable AWS credentials", shown);
        Assert.Contains("aws sso login", shown);
        Assert.DoesNotContain("AWS answered", shown);
    }

    /// <summary>A page whose button's AWS call finds no credentials: the SDK's own exception, raised before any request leaves.</summary>
    private sealed class NoCredentialsPage : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "data-testid", "no-credentials");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create(this, Click));
            builder.CloseElement();
        }

        private static Task Click() => Task.FromException(new Amazon.Runtime.AmazonClientException(
            "Failed to resolve AWS credentials. The credential providers used to search for credentials returned the following errors: ..."));
    }

    /// <summary>A page whose button's AWS call times out, as the SDK reports it.</summary>
    private sealed class FlakyPage : ComponentBase
    {
        public static bool Fail { get; set; } = true;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "data-testid", "flaky");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create(this, Click));
            builder.CloseElement();
        }

        private Task Click() => Fail ? Task.FromException(new TimeoutException("arn:aws:dynamodb:us-east-1:123456789012:table/x timed out")) : Task.CompletedTask;
    }
}
