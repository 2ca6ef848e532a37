using Microsoft.Extensions.Options;

namespace Daarion.Grains;

/// <summary>Options that list their own problems, each naming its option.</summary>
internal interface ISelfValidatingOptions
{
    IEnumerable<string> Validate();
}

/// <summary>Fails start-up with a message naming each bad option.</summary>
internal sealed class OptionsValidator<T> : IValidateOptions<T> where T : class, ISelfValidatingOptions
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
