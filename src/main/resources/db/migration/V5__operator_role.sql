-- Operators run the service: they read its health, version and metrics (Actuator) and belong to no brand
-- and no partner. Plain SQL that runs unchanged on H2 2.x and PostgreSQL 15.
alter table app_user drop constraint ck_app_user_role;
alter table app_user add constraint ck_app_user_role check (role in ('BRAND_ADMIN', 'CSM', 'PARTNER', 'OPERATOR'));
alter table app_user add constraint ck_app_user_operator
    check (role <> 'OPERATOR' or (brand_id is null and partner_id is null));
