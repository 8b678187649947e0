using System.Globalization;
using Booking.Domain.Campaigns;
using Booking.Domain.Catalog;
using Booking.Domain.Eligibility;

namespace Booking.Domain.Tests;

public class CampaignEligibilityTests
{
    private static readonly DateOnly Appointment = new(2026, 12, 1);
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static Campaign Covid(string[] groups, DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null) =>
        new(Guid.NewGuid(), "COVID19", "Automne", "Fall", opensAt ?? Now.AddDays(-1), closesAt, groups.Select(g => new CampaignGroup(g, null)).ToList());

    private static EligibilityResult Evaluate(string birthDate, CampaignAccess access) =>
        EligibilityCheck.Evaluate(EligibilityRule.Anyone, DateOnly.Parse(birthDate, CultureInfo.InvariantCulture), Appointment, [], access);

    [Theory]
    [InlineData("1951-12-01", true)]  // 75 on the appointment day
    [InlineData("1951-12-02", false)] // 75 the day after
    public void An_age_group_counts_age_on_the_appointment_date(string birthDate, bool eligible)
    {
        var result = Evaluate(birthDate, new CampaignAccess([Covid([PriorityGroups.Age(75)])], [], Now));

        Assert.Equal(eligible, result is EligibilityResult.Eligible);
        if (!eligible)
            Assert.Equal(["age-75-plus"], Assert.IsType<EligibilityResult.NotInOpenGroups>(result).OpenGroups);
    }

    [Fact]
    public void A_declared_group_admits_a_younger_citizen()
    {
        var campaign = Covid([PriorityGroups.Age(60), PriorityGroups.HealthWorker, PriorityGroups.ChronicCondition]);

        Assert.IsType<EligibilityResult.Eligible>(Evaluate("1990-01-01", new CampaignAccess([campaign], [PriorityGroups.HealthWorker], Now)));
        var refused = Assert.IsType<EligibilityResult.NotInOpenGroups>(Evaluate("1990-01-01", new CampaignAccess([campaign], [PriorityGroups.Pregnant], Now)));
        Assert.Equal(["age-60-plus", "chronic-condition", "health-worker"], refused.OpenGroups);
    }

    [Fact]
    public void Groups_open_one_after_another_and_before_any_opens_the_citizen_is_told_when()
    {
        var campaign = new Campaign(Guid.NewGuid(), "COVID19", "Phases", "Phases", Now.AddDays(-1), null,
            [new CampaignGroup(PriorityGroups.Age(75), null), new CampaignGroup(PriorityGroups.General, Now.AddDays(5)),
             new CampaignGroup(PriorityGroups.HealthWorker, Now.AddDays(-10))]);
        var later = new Campaign(Guid.NewGuid(), "COVID19", "Plus tard", "Later", Now.AddDays(-1), null, [new CampaignGroup(PriorityGroups.General, Now.AddDays(2))]);

        var young = Assert.IsType<EligibilityResult.NotInOpenGroups>(Evaluate("2000-01-01", new CampaignAccess([campaign], [], Now)));
        Assert.Equal(["age-75-plus", "health-worker"], young.OpenGroups);
        Assert.IsType<EligibilityResult.Eligible>(Evaluate("2000-01-01", new CampaignAccess([campaign], [], Now.AddDays(5))));
        Assert.Equal(Now.AddDays(2), Assert.IsType<EligibilityResult.CampaignNotOpen>(Evaluate("2000-01-01", new CampaignAccess([later], [], Now))).NextOpensAt);
    }

    [Fact]
    public void The_general_group_admits_everyone()
    {
        Assert.IsType<EligibilityResult.Eligible>(Evaluate("2000-01-01", new CampaignAccess([Covid([PriorityGroups.General])], [], Now)));
    }

    [Fact]
    public void Before_a_campaign_opens_the_citizen_is_told_when_it_will()
    {
        var opensAt = Now.AddDays(3);

        var result = Evaluate("1940-01-01", new CampaignAccess([Covid([PriorityGroups.General], opensAt)], [], Now));

        Assert.Equal(opensAt, Assert.IsType<EligibilityResult.CampaignNotOpen>(result).NextOpensAt);
    }

    [Fact]
    public void After_the_last_campaign_closes_nobody_can_book()
    {
        var result = Evaluate("1940-01-01", new CampaignAccess([Covid([PriorityGroups.General], Now.AddDays(-10), Now.AddDays(-1))], [], Now));

        Assert.Null(Assert.IsType<EligibilityResult.CampaignNotOpen>(result).NextOpensAt);
    }

    [Fact]
    public void Two_open_campaigns_admit_the_union_of_their_groups()
    {
        var access = new CampaignAccess([Covid([PriorityGroups.Age(75)]), Covid([PriorityGroups.Pregnant])], [PriorityGroups.Pregnant], Now);

        Assert.IsType<EligibilityResult.Eligible>(Evaluate("1995-01-01", access));
    }

    [Fact]
    public void A_service_without_campaigns_is_open_to_its_eligibility_rule_alone()
    {
        Assert.IsType<EligibilityResult.Eligible>(Evaluate("1995-01-01", new CampaignAccess([], [], Now)));
    }

    [Fact]
    public void Age_limits_of_the_service_are_checked_before_the_campaign()
    {
        var result = EligibilityCheck.Evaluate(new EligibilityRule(18, null, null), new DateOnly(2015, 1, 1), Appointment, [],
            new CampaignAccess([Covid([PriorityGroups.General])], [], Now));

        Assert.IsType<EligibilityResult.TooYoung>(result);
    }

    [Theory]
    [InlineData("age-75-plus", true)]
    [InlineData("age-5-plus", true)]
    [InlineData("health-worker", true)]
    [InlineData("general", true)]
    [InlineData("age-plus", false)]
    [InlineData("astronaut", false)]
    public void Priority_group_codes_are_recognised(string group, bool known)
    {
        Assert.Equal(known, PriorityGroups.IsKnown(group));
    }
}
