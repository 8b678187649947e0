-- ASP.NET Core data-protection keys (staff cookies, antiforgery tokens) shared by every admin host, so any host
-- accepts the cookies another issued. Each key's XML is encrypted with the key file's active key before it is
-- written (the element stored here is the encrypted form): a copy of the database alone cannot forge a cookie.
create table data_protection_keys (
    id            bigint generated always as identity primary key,
    friendly_name text not null unique,
    xml           text not null,
    created_at    timestamptz not null default now()
);
