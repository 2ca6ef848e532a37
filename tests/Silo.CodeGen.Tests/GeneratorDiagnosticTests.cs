using Microsoft.CodeAnalysis;

namespace Daarion.Silo.CodeGen.Tests;

public sealed class GeneratorDiagnosticTests
{
    // Each source declares one bad grain interface, IBad (or Holder.IBad), next to a valid IGood, so the tests can
    // see that the bad one is skipped and the good one is still generated.
    private const string Good = """
        public interface IGood : IGrain
        {
            Task Ping();
        }
        """;

    public static TheoryData<string, string> BadInterfaces => new()
    {
        // DSILO001: not a task.
        { "DSILO001", "public interface IBad : IGrain { int Count(); }" },
        { "DSILO001", "public interface IBad : IGrain { void Fire(); }" },
        { "DSILO001", "public interface IBad : IGrain { System.Collections.Generic.IAsyncEnumerable<int> Stream(); }" },
        // DSILO002: generic or variadic method, ref/out/in parameters.
        { "DSILO002", "public interface IBad : IGrain { Task Put<T>(T value); }" },
        { "DSILO002", "public interface IBad : IGrain { Task Put(__arglist); }" },
        { "DSILO002", "public interface IBad : IGrain { Task Read(ref int value); }" },
        { "DSILO002", "public interface IBad : IGrain { Task Try(out int value); }" },
        { "DSILO002", "public interface IBad : IGrain { Task Pass(in int value); }" },
        // DSILO003: properties and events.
        { "DSILO003", "public interface IBad : IGrain { Task Ping(); int Count { get; } }" },
        { "DSILO003", "public interface IBad : IGrain { Task Ping(); event System.Action Changed; }" },
        // DSILO004: generic interface; private or protected nested interface.
        { "DSILO004", "public interface IBad<T> : IGrain { Task Ping(); }" },
        { "DSILO004", "public class Holder { private interface IBad : IGrain { Task Ping(); } }" },
        { "DSILO004", "public class Holder { protected interface IBad : IGrain { Task Ping(); } }" },
        // DSILO005: static abstract members, which a reference cannot implement.
        { "DSILO005", "public interface IBad : IGrain { Task Ping(); static abstract int Count { get; } }" },
        { "DSILO005", "public interface IBad : IGrain { Task Ping(); static abstract IBad operator +(IBad left, IBad right); }" },
        // DSILO006: parameters a request cannot keep in a field.
        { "DSILO006", "public interface IBad : IGrain { Task Read(System.Span<byte> buffer); }" },
        { "DSILO006", "public interface IBad : IGrain { unsafe Task Read(int* value); }" },
        { "DSILO006", "public interface IBad : IGrain { unsafe Task Call(delegate*<void> callback); }" },
    };

    [Theory]
    [MemberData(nameof(BadInterfaces))]
    public void BadGrainInterface_IsReportedWithItsId_AndGetsNoSource(string expectedId, string declaration)
    {
        var run = GeneratorHarness.Run(Source(declaration));

        Assert.Empty(run.Exceptions);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(expectedId, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.True(diagnostic.Location.IsInSource, $"{diagnostic.Id} should point at the offending declaration");
        Assert.Contains("IBad", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        // Only the valid neighbour is generated.
        Assert.Equal(["Sample.Bad.IGood_GrainReference.g.cs"], run.HintNames);
        Assert.DoesNotContain(run.FactoryAttributes, a => a.Interface.Contains("IBad", StringComparison.Ordinal));
        Assert.Empty(run.OutputErrors);
    }

    [Fact]
    public void BadMethod_InBaseGrainInterface_AlsoStopsTheDerivedInterface()
    {
        var run = GeneratorHarness.Run(Source("""
            public interface IBadBase : IGrain { int Count(); }
            public interface IBad : IBadBase { Task Ping(); }
            """));

        Assert.NotEmpty(run.GeneratorDiagnostics);
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("DSILO001", d.Id));
        Assert.Equal(["Sample.Bad.IGood_GrainReference.g.cs"], run.HintNames);
        Assert.Empty(run.OutputErrors);
    }

    [Fact]
    public void DiagnosticLocation_PointsAtTheOffendingMember()
    {
        var run = GeneratorHarness.Run(Source("public interface IBad : IGrain { Task Ping(); int Count(); }"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        var span = diagnostic.Location.SourceSpan;
        var text = diagnostic.Location.SourceTree!.GetText().ToString(span);
        Assert.Equal("Count", text);
    }

    private static string Source(string declaration) => $$"""
        using System.Threading.Tasks;
        using Daarion.Silo;

        namespace Sample.Bad;

        {{Good}}

        {{declaration}}
        """;
}
