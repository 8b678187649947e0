using System.Collections.Concurrent;
using Orleans.Metadata;

namespace Booking.Grains;

/// <summary>
/// References to the platform's string-keyed grains, for the silos and their clients alike. Orleans'
/// <c>GetGrain&lt;T&gt;(key)</c> works out T's grain interface type again on every call, reading its attributes and
/// formatting its name: the biggest single source of garbage in a web host's booking request. Here that is done once
/// per interface; the implementing grain type still comes from Orleans' resolver, which follows the cluster's manifest.
/// </summary>
public sealed class GrainReferences(
    IGrainFactory factory,
    GrainInterfaceTypeResolver interfaceTypes,
    GrainInterfaceTypeToGrainTypeResolver grainTypes)
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _interfaceTypes = new();

    public T Get<T>(string key) where T : IGrainWithStringKey
    {
        if (!_interfaceTypes.TryGetValue(typeof(T), out var interfaceType))
            interfaceType = _interfaceTypes[typeof(T)] = interfaceTypes.GetGrainInterfaceType(typeof(T));
        // Until the cluster's manifest names an implementation, Orleans' own path stands in: it knows how to wait for one.
        if (!grainTypes.TryGetGrainType(interfaceType, out var grainType))
            return factory.GetGrain<T>(key);
        return (T)factory.GetGrain(GrainId.Create(grainType, key), interfaceType);
    }
}
