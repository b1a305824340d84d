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
-- An operator: reads /actuator (health details, info, metrics), sees no brand and no program.
-- A second partner of both Acme programs, so conversions can be credited to one partner rather than another.
insert into partner (name) values ('Coupon Corner');
insert into program_partner (program_id, partner_id)
    select p.id, pa.id from program p join brand b on b.id = p.brand_id, partner pa
    where b.name = 'Acme Outdoor' and pa.name = 'Coupon Corner';
insert into app_user (username, password_hash, display_name, role, partner_id)
    select 'quinn@coupons.example', '{bcrypt}$2a$10$VfLiUYJdtC5kv8lDHxNF.eVSutiw4RpEVb1u3QJA0qPP1KizPn/6e', 'Quinn Park', 'PARTNER', id
    from partner where name = 'Coupon Corner';
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
