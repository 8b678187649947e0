using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Booking.Staff.SharedKeys;

/// <summary>The data-protection key ring in PostgreSQL (<c>data_protection_keys</c>), shared by every admin host. The
/// elements it is given are already encrypted (<see cref="KeyFileXmlEncryptor"/>). Data protection calls it
/// synchronously, rarely (at start, and when its cached ring expires or meets an unknown key).</summary>
public sealed class PostgresXmlRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = dataSource.CreateCommand("select xml from data_protection_keys order by id");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
            elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        // A name is a key's id: the same name again is the same key, already stored.
        using var command = dataSource.CreateCommand("insert into data_protection_keys (friendly_name, xml) values (@name, @xml) on conflict (friendly_name) do nothing");
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
