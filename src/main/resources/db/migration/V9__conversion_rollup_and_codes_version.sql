-- Two things that keep taking conversions and reading their report fast however much a program has. Plain SQL
-- that runs unchanged on H2 2.x and PostgreSQL 15.

-- A program's codes version, raised in the same transaction as each promo code created or deactivated: every
-- instance reads it by primary key before it attributes, and rebuilds its matcher when it moved. It replaces an
-- aggregate over all of the program's codes, whose cost grew with their number.
alter table program add column codes_version bigint default 0 not null;

-- The promo code report's figures per UTC day, written in the same transaction as the conversions they count.
-- The report reads the whole UTC days of its range here and the hours at each end (where a day of the asked
-- time zone does not start at a UTC midnight) from the conversions themselves, so its answer is the same in
-- every time zone as if it had read every conversion.
create table conversion_daily (
    program_id    bigint         not null references program (id),
    utc_day       date           not null,
    promo_code_id bigint         not null references promo_code (id),
    currency      varchar(3)     not null,
    credited      bigint         not null,
    revenue       numeric(18, 2) not null,
    elsewhere     bigint         not null,
    constraint pk_conversion_daily primary key (program_id, utc_day, promo_code_id, currency)
);
insert into conversion_daily (program_id, utc_day, promo_code_id, currency, credited, revenue, elsewhere)
select program_id, cast(occurred_at at time zone 'UTC' as date), promo_code_id, currency,
    sum(case when attributed_by = 'PROMO_CODE' then 1 else 0 end),
    sum(case when attributed_by = 'PROMO_CODE' then amount else 0 end),
    sum(case when attributed_by = 'PROMO_CODE' then 0 else 1 end)
from conversion
where promo_code_id is not null
group by program_id, cast(occurred_at at time zone 'UTC' as date), promo_code_id, currency;
