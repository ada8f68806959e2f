namespace Micrograd.Playground.Tests.Browser;

/// <summary>The browser tests share one published app (publishing takes most of their time).</summary>
[CollectionDefinition(Name)]
public sealed class PlaygroundCollection : ICollectionFixture<PublishedApp>
{
    public const string Name = "published playground";
}
