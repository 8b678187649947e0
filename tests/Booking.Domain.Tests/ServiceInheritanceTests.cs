using Booking.Domain.Catalog;
using Booking.Domain.Screening;

namespace Booking.Domain.Tests;

public class ServiceInheritanceTests
{
    private static readonly Guid Region = Guid.NewGuid();
    private static readonly Guid Ministry = Guid.NewGuid();
    private static readonly Service Flu = new("FLU", "Grippe", "Flu", 10, new EligibilityRule(null, null, new MinimumInterval("FLU", 150)));
    private static readonly ScreeningQuestion Fever = new("fever", 1, 1, "Fièvre ?", "Fever?", true, "Revenez", "Come back");

    private static EffectiveService Resolve(params ServiceSetting[] lineage) => ServiceInheritance.Resolve(Flu, ("Carte", "Card"), [Fever], lineage);

    [Fact]
    public void With_nothing_set_every_value_is_the_catalogues()
    {
        var service = Resolve();

        Assert.Equal(new Inherited<string>("Grippe", null), service.NameFr);
        Assert.Equal(new Inherited<bool>(true, null), service.Offered);
        Assert.Equal([Fever], service.Screening.Value);
        Assert.Equal("Card", service.Preparation("en"));
    }

    [Fact]
    public void Each_value_comes_from_the_nearest_tenant_that_sets_it()
    {
        var service = Resolve(
            new ServiceSetting(Region, "FLU", NameFr: "Grippe (région)", MinAgeYears: 5),
            new ServiceSetting(Ministry, "FLU", NameFr: "Grippe (ministère)", NameEn: "Flu (ministry)", MaxAgeYears: 99, Offered: true));

        Assert.Equal(new Inherited<string>("Grippe (région)", Region), service.NameFr);
        Assert.Equal(new Inherited<string>("Flu (ministry)", Ministry), service.NameEn);
        Assert.Equal((5, 99), (service.MinAgeYears.Value, service.MaxAgeYears.Value));
        Assert.Equal((Region, Ministry), (service.MinAgeYears.FromTenant, service.MaxAgeYears.FromTenant));
        Assert.Equal(new EligibilityRule(5, 99, new MinimumInterval("FLU", 150)), service.Service.Eligibility);
        Assert.Equal("Grippe (région)", service.Service.Name("fr"));
    }

    [Fact]
    public void A_tenants_own_screening_replaces_the_inherited_questions_even_with_none()
    {
        var none = Resolve(new ServiceSetting(Region, "FLU", Screening: []), new ServiceSetting(Ministry, "FLU", NameFr: "x"));

        Assert.Empty(none.Screening.Value);
        Assert.Equal(Region, none.Screening.FromTenant);
    }
}
