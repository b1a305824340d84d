-- H2 only (application.properties, spring.flyway.locations): H2 writes an identity's next value to the database
-- every CACHE values, in a commit of its own, 32 by default; an import of 20,000 codes or a batch of 1,000
-- conversions paid hundreds of those. H2 hands out a sequence's values from one counter for all connections, so ids
-- still follow the order rows were created in; a restart may skip the values cached and not used. PostgreSQL keeps
-- its default: its cache is per connection, and ids taken by two connections would no longer be in creation order.
alter table promo_code alter column id set cache 1000;
alter table conversion alter column id set cache 1000;
