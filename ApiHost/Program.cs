using Daarion.ApiHost;
using Daarion.ApiHost.Infrastructure;

// appsettings.json sits next to the binary; ./run starts it from the repository root (where .data/ lives).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.UseDefaultPort(8080);
await builder.AddInfrastructureAsync();
builder.AddDaarionServices();

var app = builder.Build();
app.UseDaarionPipeline();
app.MapDaarionApi();
await app.RunAsync();

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
