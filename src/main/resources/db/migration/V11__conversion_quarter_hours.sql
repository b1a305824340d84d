-- The report's daily chart in any time zone, without reading every conversion of the range: per program, quarter
-- hour since the epoch (every zone's offset is a whole number of them) and partner, the conversions a promo code
-- credited, written in the same transaction as the conversions they count, in stripes as conversion_daily (V10).
-- Plain SQL that runs unchanged on H2 2.x and PostgreSQL 15.
create table conversion_quarter_hour (
    program_id   bigint   not null references program (id),
    quarter_hour bigint   not null,
    partner_id   bigint   not null references partner (id),
    stripe       smallint not null,
    credited     bigint   not null,
    constraint pk_conversion_quarter_hour primary key (program_id, quarter_hour, partner_id, stripe)
);
insert into conversion_quarter_hour (program_id, quarter_hour, partner_id, stripe, credited)
select program_id, cast(floor(extract(epoch from occurred_at) / 900) as bigint), credited_partner_id, 0, count(*)
from conversion
where attributed_by = 'PROMO_CODE' and credited_partner_id is not null
group by program_id, cast(floor(extract(epoch from occurred_at) / 900) as bigint), credited_partner_id;
