-- Two things that keep taking conversions fast however many arrive at once and however many a program has. Plain
-- SQL that runs unchanged on H2 2.x and PostgreSQL 15.

-- The daily figures of one code, day and currency in several rows (stripes) instead of one: every conversion a
-- code credits adds to its day's row in the transaction that stores it, and holds that row's lock until it
-- commits, so on one row all conversions of a popular code would be stored one after the other. Each transaction
-- adds to a stripe of its own choosing; the report sums the stripes as it sums the days. Existing rows are
-- stripe 0.
alter table conversion_daily add column stripe smallint default 0 not null;
alter table conversion_daily drop constraint pk_conversion_daily;
alter table conversion_daily add constraint pk_conversion_daily
    primary key (program_id, utc_day, promo_code_id, currency, stripe);

-- The order ids of a batch are looked up in one statement, "order_id in (...) and program_id = ?". H2 looks up
-- an IN list through an index only on the index's first column: with the program first, it read every conversion
-- of the program and compared each with the whole list. Order id first, it looks up each one; PostgreSQL reads
-- either. The uniqueness is the same.
alter table conversion drop constraint uk_conversion_program_order;
alter table conversion add constraint uk_conversion_order_program unique (order_id, program_id);
