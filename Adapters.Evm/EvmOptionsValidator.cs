using Microsoft.Extensions.Options;

namespace Daarion.Adapters.Evm;

/// <summary>Fails start-up with a message naming each bad option.</summary>
internal sealed class EvmOptionsValidator : IValidateOptions<EvmOptions>
{
    public ValidateOptionsResult Validate(string? name, EvmOptions options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
