-- Orleans ADO.NET providers (clustering, grain storage, reminders) issue no SQL of their own: at start-up
-- each one runs "select QueryKey, QueryText from OrleansQuery" and afterwards only executes the text stored
-- here under well-known keys, binding @Name parameters. The table and column names are therefore fixed by
-- the providers (unquoted, so PostgreSQL folds them to lower case); everything the queries touch is ours.
-- Each later 00NN_orleans_*.sql migration adds its own tables and the query rows for its provider.

create table orleansquery (
    querykey   varchar(64) primary key,
    querytext  text not null
);
