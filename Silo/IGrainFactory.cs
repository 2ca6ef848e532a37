namespace Daarion.Silo;

/// <summary>Hands out grain references. Getting a reference creates nothing; the first call activates the grain.</summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain of type <typeparamref name="TGrainInterface"/> with the given key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey;
}
