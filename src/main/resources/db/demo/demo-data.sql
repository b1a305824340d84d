-- The demo data of CONTRACT.md. Ids are looked up by name so identity columns stay in step on every database.
insert into brand (name) values ('Acme Outdoor');
insert into brand (name) values ('Globex');

insert into program (brand_id, name) select id, 'Acme Outdoor US' from brand where name = 'Acme Outdoor';
insert into program (brand_id, name) select id, 'Acme Outdoor FR' from brand where name = 'Acme Outdoor';
insert into program (brand_id, name) select id, 'Globex Main' from brand where name = 'Globex';

insert into promo_code_settings (program_id) select id from program;

insert into partner (name) values ('Trailblazer Deals');
insert into program_partner (program_id, partner_id)
    select p.id, pa.id from program p join brand b on b.id = p.brand_id, partner pa
    where b.name = 'Acme Outdoor' and pa.name = 'Trailblazer Deals';
-- A second partner of both Acme programs, so that codes and conversions can credit one partner rather than another.
insert into partner (name) values ('Coupon Corner');
insert into program_partner (program_id, partner_id)
    select p.id, pa.id from program p join brand b on b.id = p.brand_id, partner pa
    where b.name = 'Acme Outdoor' and pa.name = 'Coupon Corner';

insert into app_user (username, password_hash, display_name, role, brand_id)
    select 'alice@acme.example', '{bcrypt}$2a$10$/cb66cvi/JmRITxAQwAjC.x8BEjnk9TqfYAt6Ydl9Xs2ylmvyh2/2', 'Alice Martin', 'BRAND_ADMIN', id
    from brand where name = 'Acme Outdoor';
insert into app_user (username, password_hash, display_name, role, brand_id)
    select 'bob@globex.example', '{bcrypt}$2a$10$gfM44RE74Po0EThHmMnzdOS2EM9qeahtz2bZQvaTuwsjTsqHWQhGK', 'Bob Keller', 'BRAND_ADMIN', id
    from brand where name = 'Globex';
insert into app_user (username, password_hash, display_name, role)
    values ('carol@csm.example', '{bcrypt}$2a$10$yBihRonvcbJ/sfIlCB3zH.MdmeE2vpHq5V6E40viCcsZLXUpfOD/e', 'Carol Diaz', 'CSM');
insert into app_user (username, password_hash, display_name, role, partner_id)
    select 'pat@partner.example', '{bcrypt}$2a$10$GwNObBdpICpkRAPdUSc01eDyhaTdPxhAJTmfUsVwfj7fAKYOElNKa', 'Pat Lee', 'PARTNER', id
    from partner where name = 'Trailblazer Deals';
insert into app_user (username, password_hash, display_name, role, partner_id)
    select 'quinn@coupons.example', '{bcrypt}$2a$10$gzh3ou14zBE1WCO4EkIKPOZaSVqODvMS9piuHZbKHd75UTaEzQCqi', 'Quinn Baker', 'PARTNER', id
    from partner where name = 'Coupon Corner';
-- An operator: reads /actuator (health details, info, metrics), sees no brand and no program.
insert into app_user (username, password_hash, display_name, role)
    values ('olivia@ops.example', '{bcrypt}$2a$10$MPnssHsEOgg7xiahmy6JpO5auQ30R9/41OV.qYDGukPOy4lSTV6IS', 'Olivia Novak', 'OPERATOR');

insert into csm_assignment (csm_id, brand_id)
    select u.id, b.id from app_user u, brand b where u.username = 'carol@csm.example' and b.name = 'Acme Outdoor';

insert into event_type (program_id, name, kind, created_at)
    select id, 'Online Sale', 'SALE', timestamp with time zone '2026-10-01 09:00:00+00' from program;

-- Acme Outdoor US: an approved test action that carried SUMMER10, so its promo code is validated.
insert into test_action (event_type_id, order_id, amount, currency, promo_code, payload, received_at, review_state, reviewed_at, reviewed_by)
    select e.id, 'TEST-US-1001', 89.90, 'USD', 'SUMMER10',
           '{"orderId": "TEST-US-1001", "amount": 89.90, "currency": "USD", "promoCode": "SUMMER10"}',
           timestamp with time zone '2026-10-02 14:05:00+00', 'APPROVED',
           timestamp with time zone '2026-10-02 15:30:00+00', 'alice@acme.example'
    from event_type e join program p on p.id = e.program_id where p.name = 'Acme Outdoor US';
-- Acme Outdoor FR: an approved test action without a promo code, and a pending one with a code: not validated.
insert into test_action (event_type_id, order_id, amount, currency, promo_code, payload, received_at, review_state, reviewed_at, reviewed_by)
    select e.id, 'TEST-FR-2001', 45.00, 'EUR', null,
           '{"orderId": "TEST-FR-2001", "amount": 45.00, "currency": "EUR"}',
           timestamp with time zone '2026-10-03 10:00:00+00', 'APPROVED',
           timestamp with time zone '2026-10-03 11:00:00+00', 'alice@acme.example'
    from event_type e join program p on p.id = e.program_id where p.name = 'Acme Outdoor FR';
insert into test_action (event_type_id, order_id, amount, currency, promo_code, payload, received_at, review_state)
    select e.id, 'TEST-FR-2002', 52.50, 'EUR', 'ETE15',
           '{"orderId": "TEST-FR-2002", "amount": 52.50, "currency": "EUR", "promoCode": "ETE15"}',
           timestamp with time zone '2026-10-04 10:00:00+00', 'PENDING'
    from event_type e join program p on p.id = e.program_id where p.name = 'Acme Outdoor FR';

-- Northwind Sports, a second brand of carol's, so the console is worth opening: six programs in varied states.
-- Running and Cycling: validated, tracking off (ready to enable). Team: validated, tracking and partner requests
-- on, an open request. Pro Shop: validated, tracking on, a live code and conversions of the last days, one of them
-- with an unknown code. Outlet: a pending test action only (needs validation). Kids: nothing yet.
insert into brand (name) values ('Northwind Sports');
insert into program (brand_id, name) select b.id, x.name from brand b,
    (select 'Northwind Running' name union all select 'Northwind Cycling' union all select 'Northwind Team'
     union all select 'Northwind Pro Shop' union all select 'Northwind Outlet' union all select 'Northwind Kids') x
    where b.name = 'Northwind Sports';
insert into promo_code_settings (program_id)
    select p.id from program p join brand b on b.id = p.brand_id where b.name = 'Northwind Sports';
insert into csm_assignment (csm_id, brand_id)
    select u.id, b.id from app_user u, brand b where u.username = 'carol@csm.example' and b.name = 'Northwind Sports';
insert into program_partner (program_id, partner_id)
    select p.id, pa.id from program p, partner pa
    where p.name in ('Northwind Team', 'Northwind Pro Shop') and pa.name = 'Coupon Corner';
insert into event_type (program_id, name, kind, created_at)
    select p.id, 'Online Sale', 'SALE', timestamp with time zone '2026-10-05 09:00:00+00' from program p
    where p.name in ('Northwind Running', 'Northwind Cycling', 'Northwind Team', 'Northwind Pro Shop', 'Northwind Outlet');
insert into test_action (event_type_id, order_id, amount, currency, promo_code, payload, received_at, review_state, reviewed_at, reviewed_by)
    select e.id, 'TEST-NW-' || p.id, 60.00, 'USD', 'RUNFAST',
           '{"orderId": "TEST-NW", "amount": 60.00, "currency": "USD", "promoCode": "RUNFAST"}',
           timestamp with time zone '2026-10-06 10:00:00+00', 'APPROVED',
           timestamp with time zone '2026-10-06 11:00:00+00', 'carol@csm.example'
    from event_type e join program p on p.id = e.program_id
    where p.name in ('Northwind Running', 'Northwind Cycling', 'Northwind Team', 'Northwind Pro Shop');
insert into test_action (event_type_id, order_id, amount, currency, promo_code, payload, received_at, review_state)
    select e.id, 'TEST-NW-OUTLET', 30.00, 'USD', 'OUTLET5',
           '{"orderId": "TEST-NW-OUTLET", "amount": 30.00, "currency": "USD", "promoCode": "OUTLET5"}',
           timestamp with time zone '2026-10-07 10:00:00+00', 'PENDING'
    from event_type e join program p on p.id = e.program_id where p.name = 'Northwind Outlet';
update promo_code_settings set promo_code_tracking_enabled = true, partner_promo_code_requests_allowed = true,
    version = 1, updated_at = timestamp with time zone '2026-10-08 09:00:00+00', updated_by = 'carol@csm.example'
    where program_id = (select id from program where name = 'Northwind Team');
update promo_code_settings set promo_code_tracking_enabled = true,
    version = 1, updated_at = timestamp with time zone '2026-10-08 09:05:00+00', updated_by = 'carol@csm.example'
    where program_id = (select id from program where name = 'Northwind Pro Shop');
insert into promo_code_request (program_id, partner_id, state, created_at, created_by, instructions)
    select p.id, pa.id, 'OPEN', timestamp with time zone '2026-11-20 08:00:00+00', 'quinn@coupons.example',
           'For our winter newsletter.'
    from program p, partner pa where p.name = 'Northwind Team' and pa.name = 'Coupon Corner';
insert into promo_code_request_code (request_id, code_order, code)
    select r.id, 0, 'WINTER20' from promo_code_request r join program p on p.id = r.program_id
    where p.name = 'Northwind Team';
insert into promo_code (program_id, partner_id, code, code_key, match_type, credit_policy, starts_at, time_zone,
        created_at, created_by)
    select p.id, pa.id, 'PRO10', 'exact:pro10', 'EXACT', 'ALWAYS', timestamp with time zone '2026-10-08 00:00:00+00',
           'UTC', timestamp with time zone '2026-10-08 09:10:00+00', 'carol@csm.example'
    from program p, partner pa where p.name = 'Northwind Pro Shop' and pa.name = 'Coupon Corner';
-- Conversions of the last days, relative to the day the demo data is loaded, so the console's 30 days show them.
insert into conversion (program_id, order_id, event_type_id, occurred_at, received_at, amount, currency, promo_code,
        clicks, credited_partner_id, attributed_by, promo_code_id, matched_code, credit_policy, flags)
    select p.id, 'NW-' || x.n, e.id, current_timestamp - x.n * interval '1' day,
           current_timestamp - x.n * interval '1' day, 40.00, 'USD', 'PRO10', '', c.partner_id, 'PROMO_CODE', c.id,
           c.code, 'ALWAYS', ''
    from program p join event_type e on e.program_id = p.id join promo_code c on c.program_id = p.id,
         (select 1 n union all select 2 union all select 3) x
    where p.name = 'Northwind Pro Shop';
insert into conversion (program_id, order_id, event_type_id, occurred_at, received_at, amount, currency, promo_code,
        clicks, credited_partner_id, attributed_by, promo_code_id, matched_code, credit_policy, flags)
    select p.id, 'NW-4', e.id, current_timestamp - interval '4' day, current_timestamp - interval '4' day, 25.00,
           'USD', 'PRO100', '', null, 'NONE', null, null, null, 'code-unknown'
    from program p join event_type e on e.program_id = p.id where p.name = 'Northwind Pro Shop';
insert into conversion_daily (program_id, utc_day, promo_code_id, currency, credited, revenue, elsewhere)
    select c.program_id, cast(c.occurred_at at time zone 'UTC' as date), c.promo_code_id, c.currency, count(*),
           sum(c.amount), 0
    from conversion c join program p on p.id = c.program_id
    where p.name = 'Northwind Pro Shop' and c.promo_code_id is not null
    group by c.program_id, cast(c.occurred_at at time zone 'UTC' as date), c.promo_code_id, c.currency;
insert into conversion_quarter_hour (program_id, quarter_hour, partner_id, stripe, credited)
    select c.program_id, cast(floor(extract(epoch from c.occurred_at) / 900) as bigint), c.credited_partner_id, 0,
           count(*)
    from conversion c join program p on p.id = c.program_id
    where p.name = 'Northwind Pro Shop' and c.attributed_by = 'PROMO_CODE'
    group by c.program_id, cast(floor(extract(epoch from c.occurred_at) / 900) as bigint), c.credited_partner_id;
