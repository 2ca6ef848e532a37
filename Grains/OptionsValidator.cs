using Microsoft.Extensions.Options;

namespace Daarion.Grains;

/// <summary>Fails start-up with a message naming each bad option, as the options' own Validate() lists them.</summary>
public sealed class OptionsValidator<TOptions>(Func<TOptions, IEnumerable<string>> validate) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = validate(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
