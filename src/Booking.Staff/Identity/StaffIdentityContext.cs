using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Booking.Staff.Identity;

/// <summary>ASP.NET Core Identity's user store on our own tables (migration <c>0015_staff_identity.sql</c>, snake_case
/// like the rest of the schema). Users only: no roles yet, and the authenticator key lives in <c>staff_user_tokens</c>.</summary>
public sealed class StaffIdentityContext(DbContextOptions<StaffIdentityContext> options)
    : IdentityUserContext<StaffUser, Guid>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>().ToTable("staff_users");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("staff_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("staff_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("staff_user_tokens");
        foreach (var entity in builder.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                property.SetColumnName(DatabaseNames.SnakeCase(property.Name));
    }
}
