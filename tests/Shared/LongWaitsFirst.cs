using Xunit.Abstractions;
using Xunit.Sdk;

namespace CreatorPlatform.Tests.Shared;

/// <summary>
/// Starts the test collections that spend most of their time waiting (an index build, a real clock) before the others,
/// in the order given, then the rest in xunit's own order. xunit starts collections in this order as places free up, so
/// a long wait begun first runs beside the other collections' work instead of at the end of the run, alone.
/// </summary>
public abstract class LongWaitsFirst : ITestCollectionOrderer
{
    private readonly DefaultTestCollectionOrderer rest = new();

    /// <summary>Collection names, or the full names of test classes that are a collection of their own.</summary>
    protected abstract IReadOnlyList<string> First { get; }

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var ordered = rest.OrderTestCollections(testCollections).ToList();
        return ordered.OrderBy(Rank).ToList();
    }

    private int Rank(ITestCollection collection)
    {
        for (var i = 0; i < First.Count; i++)
            if (collection.DisplayName == First[i] || collection.DisplayName == $"Test collection for {First[i]}") return i;
        return First.Count;
    }
}
