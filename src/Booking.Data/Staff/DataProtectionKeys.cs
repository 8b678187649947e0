using Dapper;
using Npgsql;

namespace Booking.Data.Staff;

/// <summary>The staff site's data-protection key ring (<c>data_protection_keys</c>), as XML already encrypted by the
/// caller. Synchronous: data protection asks for it synchronously, rarely.</summary>
public sealed class DataProtectionKeys(NpgsqlDataSource dataSource)
{
    public IReadOnlyList<string> All()
    {
        using var connection = dataSource.OpenConnection();
        return connection.Query<string>("select xml from data_protection_keys order by id").ToList();
    }

    /// <summary>A name is a key's id: the same name again is the same key, already stored.</summary>
    public void Store(string friendlyName, string xml)
    {
        using var connection = dataSource.OpenConnection();
        connection.Execute("insert into data_protection_keys (friendly_name, xml) values (@friendlyName, @xml) on conflict (friendly_name) do nothing",
            new { friendlyName, xml });
    }
}
