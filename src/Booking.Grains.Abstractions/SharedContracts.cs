using Booking.Contracts;

// The messages shared with the data layer (sealed personal data, waiting-room tickets) are declared in Booking.Contracts,
// which must not need the Orleans runtime; their serializers are generated here, under the same aliases as before.
[assembly: GenerateCodeForDeclaringAssembly(typeof(SealedCitizen))]
