using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Micrograd.Playground.Tests.Components;

/// <summary>A bUnit context with the playground's services. The JavaScript module (Graphviz, the canvas) is
/// answered by bUnit's stand-in; the calls made to it are recorded and checked.</summary>
public abstract class PlaygroundTestContext : BunitContext, IAsyncLifetime
{
    protected PlaygroundTestContext()
    {
        Services.AddScoped<PlaygroundJs>();
        Module = JSInterop.SetupModule(PlaygroundJs.ModulePath);
        Module.SetupVoid("renderDot", _ => true).SetVoidResult();
        Module.SetupVoid("drawTraining", _ => true).SetVoidResult();
        Module.SetupVoid("drawNeurons", _ => true).SetVoidResult();
    }

    protected BunitJSModuleInterop Module { get; }

    // PlaygroundJs is disposed asynchronously (it releases the JavaScript module), which xunit 2 does only
    // through IAsyncLifetime.
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>The DOT texts handed to Graphviz so far.</summary>
    protected IEnumerable<string> DrawnDots =>
        Module.Invocations["renderDot"].Select(i => (string)i.Arguments[1]!);
}
