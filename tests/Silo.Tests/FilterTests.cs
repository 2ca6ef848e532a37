using System.Collections.Concurrent;
using Daarion.Silo.Tests.TestGrains;
using Microsoft.Extensions.DependencyInjection;

namespace Daarion.Silo.Tests;

public sealed class FilterTests
{
    [Fact]
    public async Task Filters_RunInOrder_AroundEveryCall_AndSeeTheCall()
    {
        await using var silo = await TestSilo.StartAsync(silo: s => s.AddIncomingGrainCallFilter<RecordingFilter>().AddIncomingGrainCallFilter<SecondFilter>());
        var log = silo.Services.GetServices<IIncomingGrainCallFilter>().OfType<RecordingFilter>().Single().Log;

        Assert.Equal(5, await silo.Grains.GetGrain<ICounterGrain>("f").IncrementBy(5));

        Assert.Equal(["first:before counter/f ICounterGrain.IncrementBy(5) caller=none", "second:before", "second:after", "first:after result=5"], log);
    }

    [Fact]
    public async Task Filter_CanRefuseACall_BeforeTheGrainRuns()
    {
        await using var silo = await TestSilo.StartAsync(silo: s => s.AddIncomingGrainCallFilter<RefusingFilter>());
        var grain = silo.Grains.GetGrain<ICounterGrain>("guarded");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(async () => await grain.IncrementBy(13));

        Assert.Equal(0, await grain.Get());
    }

    [Fact]
    public async Task Filter_CanReplaceTheResult_AndSeesTheCallingGrain()
    {
        await using var silo = await TestSilo.StartAsync(silo: s => s.AddIncomingGrainCallFilter<RecordingFilter>());
        var log = silo.Services.GetServices<IIncomingGrainCallFilter>().OfType<RecordingFilter>().Single().Log;

        await silo.Grains.GetGrain<IPingPongGrain>("caller").Relay(["callee"], interleaved: false);

        Assert.Contains("first:before pingpong/callee IPingPongGrain.Ping() caller=pingpong/caller", log);
        Assert.Equal(100, await silo.Grains.GetGrain<ICounterGrain>("doubled").IncrementBy(-1));
    }

    public sealed class RecordingFilter : IIncomingGrainCallFilter
    {
        public ConcurrentQueue<string> Log { get; } = new();

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            var arguments = string.Join(", ", Enumerable.Range(0, context.ArgumentCount).Select(i => context.GetArgument(i) is string[] a ? string.Join("|", a) : context.GetArgument(i)));
            Log.Enqueue($"first:before {context.TargetId} {context.InterfaceMethod.DeclaringType!.Name}.{context.InterfaceMethod.Name}({arguments}) caller={context.CallerId?.ToString() ?? "none"}");
            await context.Invoke();
            if (context.InterfaceMethod.Name == nameof(ICounterGrain.IncrementBy) && context.GetArgument(0) is -1) context.Result = 100;
            Log.Enqueue($"first:after result={context.Result}");
        }
    }

    public sealed class SecondFilter(IServiceProvider services) : IIncomingGrainCallFilter
    {
        public async Task Invoke(IIncomingGrainCallContext context)
        {
            var log = services.GetServices<IIncomingGrainCallFilter>().OfType<RecordingFilter>().Single().Log;
            log.Enqueue("second:before");
            await context.Invoke();
            log.Enqueue("second:after");
        }
    }

    public sealed class RefusingFilter : IIncomingGrainCallFilter
    {
        public Task Invoke(IIncomingGrainCallContext context) =>
            context.InterfaceMethod.Name == nameof(ICounterGrain.IncrementBy) ? throw new UnauthorizedAccessException("no") : context.Invoke();
    }
}
