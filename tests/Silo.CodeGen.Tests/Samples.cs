namespace Daarion.Silo.CodeGen.Tests;

/// <summary>Grain interfaces the tests compile.</summary>
internal static class Samples
{
    /// <summary>
    /// Every supported return kind, nullable reference and value parameters, arrays, an overload, and a method
    /// inherited from a base grain interface.
    /// </summary>
    public const string ShopGrains = """
        #nullable enable
        using System.Threading.Tasks;
        using Daarion.Silo;

        namespace Sample.Grains;

        public interface IBaseGrain : IGrainWithStringKey
        {
            Task<string> Describe();
        }

        public interface IShopGrain : IBaseGrain
        {
            Task Reset();
            Task<int> Count(string? filter);
            Task<int> Count(string? filter, int? limit);
            ValueTask Touch(int? delta);
            ValueTask<string?[]> Tags(string[] names, int?[] weights, string?[]? aliases);
            Task<decimal?> Price(string sku, System.DateTimeOffset? at);
        }
        """;

    /// <summary>A grain implementation of <see cref="ShopGrains"/> that records the last call, to compile next to it.</summary>
    public const string RecordingShopGrain = """

        public sealed class RecordingShopGrain : IShopGrain
        {
            public string? LastMethod;
            public object?[]? LastArguments;

            private Task Record(string method, object?[] arguments)
            {
                LastMethod = method;
                LastArguments = arguments;
                return Task.CompletedTask;
            }

            public Task<string> Describe() => Record(nameof(Describe), []).ContinueWith(_ => "described");
            public Task Reset() => Record(nameof(Reset), []);
            public Task<int> Count(string? filter) => Record(nameof(Count), [filter]).ContinueWith(_ => 1);
            public Task<int> Count(string? filter, int? limit) => Record(nameof(Count), [filter, limit]).ContinueWith(_ => 2);
            public ValueTask Touch(int? delta) => new(Record(nameof(Touch), [delta]));
            public ValueTask<string?[]> Tags(string[] names, int?[] weights, string?[]? aliases) =>
                new(Record(nameof(Tags), [names, weights, aliases]).ContinueWith(_ => new string?[] { "tag" }));
            public Task<decimal?> Price(string sku, System.DateTimeOffset? at) => Record(nameof(Price), [sku, at]).ContinueWith(_ => (decimal?)1m);
        }
        """;

    /// <summary>
    /// A grain interface at the edges of the language: keyword names, parameters named like the generated code's own
    /// members, a dynamic parameter, a base interface that is not a grain interface, and non-virtual helpers.
    /// </summary>
    public const string EdgeGrains = """
        using System.Threading.Tasks;
        using Daarion.Silo;

        namespace Sample.Edge;

        public interface IPingable
        {
            Task Ping();
        }

        public interface IEdgeGrain : IGrain, IPingable
        {
            Task<int> Add(int _arg1, int _arg0);
            Task Publish(string @event);
            Task @checked();
            Task Put(dynamic value);
            // Names of the reference's send method, of this method's own request class (the fifth method), and of a request field.
            Task<int> Send(int SendAsTask, int Send_Request4, int @this, int _arg2);

            static Task Helper() => Task.CompletedTask;
            private Task Hidden() => Task.CompletedTask;
            sealed Task Sealed() => Hidden();
        }

        public sealed class RecordingEdgeGrain : IEdgeGrain
        {
            public string? LastMethod;
            public object?[]? LastArguments;

            private Task<int> Record(string method, params object?[] arguments)
            {
                LastMethod = method;
                LastArguments = arguments;
                return Task.FromResult(arguments.Length);
            }

            public Task Ping() => Record(nameof(Ping));
            public Task<int> Add(int _arg1, int _arg0) => Record(nameof(Add), _arg1, _arg0);
            public Task Publish(string @event) => Record(nameof(Publish), @event);
            public Task @checked() => Record("checked");
            public Task Put(dynamic value) => Record(nameof(Put), (object)value);
            public Task<int> Send(int SendAsTask, int Send_Request4, int @this, int _arg2) => Record(nameof(Send), SendAsTask, Send_Request4, @this, _arg2);
        }
        """;

    public const string EdgeInterface = "Sample.Edge.IEdgeGrain";

    public const string ShopInterface = "Sample.Grains.IShopGrain";
    public const string ShopReference = "Sample.Grains.IShopGrain_GrainReference";
    public const string BaseInterface = "Sample.Grains.IBaseGrain";
    public const string BaseReference = "Sample.Grains.IBaseGrain_GrainReference";
}
